package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.error.DesktopAction;
import dev.keyward.app.error.DesktopMessage;
import dev.keyward.app.error.SampleError;
import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopServices;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.app.ui.tray.Notification;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Fact;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.VaultErrorKind;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * An error's desktop action is a real button in the window's banner: it is reached and pressed with the
 * keyboard, its label is whole, and pressing it does the action (the unlock screen, a page of the main
 * window) instead of only naming it.
 */
class ErrorActionButtonFlowTest extends ShellTestBase {

    private final RecordingTray tray = new RecordingTray();

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        DesktopTestKit.createProfile(profiles, "work");
    }

    @Override
    DesktopServices services() {
        return super.services().withTray(tray);
    }

    private Button bannerAction(FxRobot robot) {
        return robot.lookup("#banner-action").queryButton();
    }

    /** Moves the keyboard focus to the banner's button with Tab, as a person without a mouse would. */
    private void tabTo(FxRobot robot, Node target) {
        for (int i = 0; i < 40 && !onFx(target::isFocused); i++) {
            robot.type(KeyCode.TAB);
        }
        assertTrue(onFx(target::isFocused), "Tab never reached the banner's button");
    }

    private void assertWholeAndOffered(FxRobot robot, String label) {
        Button action = bannerAction(robot);
        waitUntil("the banner offers " + label, () -> onFx(() -> action.isVisible() && label.equals(action.getText())));
        assertTrue(onFx(action::isFocusTraversable));
        List<String> cut = onFx(() -> CutTexts.inOpenWindows("banner"));
        assertEquals(List.of(), cut, "a text is cut off");
    }

    @Test
    void unlockFirstOffersUnlockAndTheButtonGoesToTheUnlockScreen(FxRobot robot) {
        unlock(robot);
        onFx(() -> {
            shell.lockAndStop();
            return null;
        });
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());

        onFx(() -> {
            tray.actions().refreshNow().run();
            return null;
        });
        waitUntil("the banner asks to unlock first", () -> onFx(() -> robot.lookup("#banner").queryLabeled().getText()
                .startsWith("Unlock first")));
        assertWholeAndOffered(robot, DesktopAction.UNLOCK.label());
        Node password = robot.lookup("#unlock-password").query();
        tabTo(robot, bannerAction(robot));
        assertFalse(onFx(password::isFocused));

        robot.type(KeyCode.SPACE);

        waitUntil("the password field has the focus", () -> onFx(password::isFocused));
        assertFalse(onFx(() -> robot.lookup("#banner-box").query().isVisible()), "the banner went away with its action");
    }

    @Test
    void anErrorsPageActionOpensThatPageOfTheMainWindow(FxRobot robot) {
        unlock(robot);
        assertEquals(PageKind.SECRETS, onFx(() -> shell.main().current()));
        DesktopMessage message = UserMessages.explain(new SampleError(VaultErrorKind.STATED,
                ErrorFacts.of(Fact.DETAIL, "The dashboard is not set up for this profile."), Remedy.ENABLE_AUTOMATION));
        assertEquals(DesktopAction.ENABLE_AUTOMATION, message.action());

        shell.notifier().post(Notification.error("Dashboard", message));

        assertWholeAndOffered(robot, "Open Dashboard");
        tabTo(robot, bannerAction(robot));
        robot.type(KeyCode.ENTER);

        waitUntil("the Dashboard page shows", () -> onFx(() -> shell.main().current()) == PageKind.DASHBOARD);
        assertTrue(robot.lookup("#dashboard-page").tryQuery().isPresent());
    }

    @Test
    void anActionTheWindowCannotDoStaysAdviceWithoutAButton(FxRobot robot) {
        unlock(robot);
        DesktopMessage message = UserMessages.explain(new SampleError(VaultErrorKind.STATED,
                ErrorFacts.of(Fact.DETAIL, "Saving failed."), Remedy.TRY_AGAIN));

        shell.notifier().post(Notification.error("Settings", message));

        waitUntil("the banner shows it", () -> onFx(() -> robot.lookup("#banner").queryLabeled().getText()
                .contains("Saving failed. Try again.")));
        assertFalse(onFx(() -> bannerAction(robot).isVisible()), "a button that would do nothing is offered");
    }
}
