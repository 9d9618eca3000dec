package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.settings.ProfileSettings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

class SettingsFlowTest extends ShellTestBase {

    ProfileSummary profile;

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        profile = DesktopTestKit.createProfile(profiles, "work");
    }

    @Test
    void badValueShowsAnInlineErrorAndNothingIsSaved(FxRobot robot) {
        openSettings(robot);
        set(robot, "clipboard_clear_seconds", "20");
        set(robot, "auto_lock_minutes", "0");
        robot.clickOn("#settings-save");

        waitUntil("the error shows under the field", () -> !error(robot, "auto_lock_minutes").isEmpty());
        assertEquals("auto_lock_minutes must be a whole number from 1 to 1440; nothing was changed.",
                onFx(() -> error(robot, "auto_lock_minutes")));
        assertEquals("", onFx(() -> error(robot, "clipboard_clear_seconds")));
        ProfileSettings stored = stored();
        assertEquals(5, stored.autoLockMinutes());
        assertEquals(10, stored.clipboardClearSeconds(), "a valid field is not saved while another is wrong");
    }

    @Test
    void validValuesAreSaved(FxRobot robot) {
        openSettings(robot);
        set(robot, "clipboard_clear_seconds", "20");
        set(robot, "key_age_warning_days", "90");
        robot.clickOn("#settings-save");

        waitUntil("the save is reported", () ->
                robot.lookup("#settings-status").queryAs(Label.class).getText().equals("Saved 2 settings."));
        assertEquals(20, stored().clipboardClearSeconds());
        assertEquals(90, stored().keyAgeWarningDays());
    }

    private void openSettings(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#nav-settings");
        waitUntil("the settings are loaded", () ->
                robot.lookup("#setting-auto_lock_minutes").queryAs(TextField.class).getText().equals("5"));
    }

    private static void set(FxRobot robot, String key, String text) {
        robot.interact(() -> robot.lookup("#setting-" + key).queryAs(TextField.class).setText(text));
    }

    private static String error(FxRobot robot, String key) {
        return robot.lookup("#error-" + key).queryAs(Label.class).getText();
    }

    private ProfileSettings stored() {
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            return s.settings().current();
        }
    }
}
