package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopServices;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.profile.ProfileSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

class UnlockFlowTest extends ShellTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    ProfileSummary profile;
    Path backup;

    @Override
    void prepare() throws Exception {
        profile = DesktopTestKit.createProfile(profiles, "work");
        backup = dataDir.resolve("vault-backup.db");
        Files.copy(profile.location().vaultFile(), backup);
    }

    @Override
    DesktopServices services() {
        // A restore that copies the saved vault back, standing in for the backup service.
        return super.services().withRestorer((p, file, password) -> {
            if (!new String(password.chars()).equals(DesktopTestKit.PASSWORD)) {
                throw new dev.keyward.vault.WrongPasswordException("The backup's password was not passed on.");
            }
            try {
                Files.copy(file, p.location().vaultFile(), StandardCopyOption.REPLACE_EXISTING);
                return "Restored.";
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void wrongPasswordIsReportedAsWrongPasswordAndTheRightOneOpensTheVault(FxRobot robot) {
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());
        assertEquals("Keyward — locked and stopped", title());
        robot.clickOn("#unlock-password").write("not the password").type(KeyCode.ENTER);
        waitUntil("the wrong password is reported", () ->
                message(robot).equals("Wrong password for this profile."));
        assertEquals(LockState.STOPPED, onFx(shell::state));

        unlock(robot);
        assertEquals(LockState.UNLOCKED, onFx(shell::state));
        assertEquals("Keyward — work — unlocked", title());
    }

    @Test
    void repeatedWrongPasswordsMakeTheNextTryWait(FxRobot robot) {
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());
        for (int i = 1; i <= 3; i++) {
            robot.clickOn("#unlock-password").write("wrong " + i).type(KeyCode.ENTER);
            int attempt = i;
            waitUntil("wrong password " + attempt + " is reported", () ->
                    message(robot).startsWith("Wrong password") && !robot.lookup("#progress-overlay").query().isVisible() && robot.lookup("#unlock-view").tryQuery().isPresent()
                            && (attempt < 3 || unlockButton(robot).getText().startsWith("Wait")));
        }
        assertTrue(onFx(() -> unlockButton(robot).isDisabled()), "the third wrong password makes the next try wait");
    }

    @Test
    void damagedVaultIsReportedAsDamageAndCanBeRestoredFromABackup(FxRobot robot) throws Exception {
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());
        Files.delete(profile.location().vaultFile());
        robot.clickOn("#unlock-password").write(DesktopTestKit.PASSWORD).type(KeyCode.ENTER);
        waitUntil("the damage is reported", () -> message(robot).contains("missing"));
        assertTrue(onFx(() -> robot.lookup("#restore-backup").queryAs(Button.class).isVisible()));

        files.answer(backup);
        robot.clickOn("#unlock-password").write(DesktopTestKit.PASSWORD);
        robot.clickOn("#restore-backup");
        waitUntil("the restore is reported", () -> message(robot).equals("Restored."));
        unlock(robot);
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#unlock-message").queryAs(Label.class).getText();
    }

    private static Button unlockButton(FxRobot robot) {
        return robot.lookup("#unlock-button").queryAs(Button.class);
    }
}
