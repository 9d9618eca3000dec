package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.profile.ProfileSummary;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

class CreateProfileFlowTest extends ShellTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void firstStartCreatesAProfileShowsItsRecoveryCodeOnceAndOpensIt(FxRobot robot) {
        waitUntil("the create screen shows", () -> robot.lookup("#create-profile-view").tryQuery().isPresent());
        robot.clickOn("#profile-name").write("work");
        robot.clickOn("#new-password").write(DesktopTestKit.PASSWORD);
        waitUntil("the strength meter has a verdict", () ->
                !robot.lookup("#strength-verdict").queryAs(Label.class).getText().isBlank());
        robot.clickOn("#repeat-password").write(DesktopTestKit.PASSWORD);
        robot.clickOn("#create-profile");

        waitUntil("the recovery code shows", () -> robot.lookup("#recovery-code").tryQuery().isPresent());
        String code = onFx(() -> robot.lookup("#recovery-code").queryAs(javafx.scene.control.TextInputControl.class).getText());
        assertTrue(code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){7}"), "recovery code format: " + code.length() + " chars");
        assertTrue(onFx(() -> robot.lookup("#recovery-continue").queryAs(Button.class).isDisabled()),
                "Continue waits for the 'I have saved it' confirmation");
        robot.clickOn("#copy-recovery-code");
        assertEquals(code, onFx(() -> Clipboard.getSystemClipboard().getString()));
        robot.clickOn("#recovery-saved");
        robot.clickOn("#recovery-continue");

        waitUntil("the main window shows", () -> robot.lookup("#main-view").tryQuery().isPresent());
        assertEquals("Keyward — work — unlocked", title());
        assertFalse(DesktopTestKit.allVisibleText().contains(code), "the recovery code is not shown again");
        List<ProfileSummary> onDisk = profiles.list();
        assertEquals(List.of("work"), onDisk.stream().map(ProfileSummary::name).toList());
    }

    @Test
    void differentPasswordsAreRefusedAndNothingIsCreated(FxRobot robot) {
        waitUntil("the create screen shows", () -> robot.lookup("#create-profile-view").tryQuery().isPresent());
        robot.clickOn("#profile-name").write("work");
        robot.clickOn("#new-password").write(DesktopTestKit.PASSWORD);
        robot.clickOn("#repeat-password").write("correct horse battery?");
        robot.clickOn("#create-profile");

        waitUntil("the mismatch is reported", () ->
                robot.lookup("#create-error").queryAs(Label.class).getText().contains("differ"));
        assertTrue(profiles.list().isEmpty());
        assertEquals("", onFx(() -> robot.lookup("#new-password").queryAs(javafx.scene.control.PasswordField.class).getText()),
                "the password fields are cleared after use");
    }
}
