package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.secrets.SecretRow;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import java.time.Duration;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

class LockFlowTest extends ShellTestBase {

    static final String VALUE = "rk_live_0000000000000000stripe";
    ProfileSummary profile;

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        profile = DesktopTestKit.createProfile(profiles, "work");
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            s.secrets().add("STRIPE_KEY", VALUE.toCharArray(), null);
        }
    }

    @Override
    Duration idleTimeout() {
        return Duration.ofMillis(1500);
    }

    @Test
    void autoLockHidesRevealedSecretsAndKeepsTheSessionForBackgroundJobs(FxRobot robot) {
        unlock(robot);
        VaultSession session = onFx(shell::session);
        revealTheSecret(robot);

        // No input from here on: the idle timer locks the window.
        waitUntil("the window locks", () -> robot.lookup("#unlock-view").tryQuery().isPresent());
        assertEquals(LockState.LOCKED, onFx(shell::state));
        assertFalse(DesktopTestKit.allVisibleText().contains(VALUE), "no view shows the secret any more");
        assertTrue(robot.lookup("#secrets-table").tryQuery().isEmpty());
        assertTrue(session.isOpen(), "background refresh while locked (the default) keeps the session");
        assertTrue(title().contains("locked; background jobs continue, keys stay in memory"), title());

        unlock(robot);
        assertSame(session, onFx(shell::session), "unlocking again re-admits to the same session");
    }

    @Test
    void autoLockStopsTheSessionWhenBackgroundRefreshIsOff(FxRobot robot) {
        unlock(robot);
        VaultSession session = onFx(shell::session);
        session.settings().set("background_refresh_while_locked", "false");
        onFx(() -> {
            shell.adopt(session, () -> { });
            return null;
        });
        revealTheSecret(robot);

        waitUntil("the window locks", () -> robot.lookup("#unlock-view").tryQuery().isPresent());
        waitUntil("the session is closed", () -> !session.isOpen());
        assertEquals(LockState.STOPPED, onFx(shell::state));
        assertEquals("Keyward — locked and stopped", title());
        assertFalse(DesktopTestKit.allVisibleText().contains(VALUE));
    }

    @Test
    void ctrlLLocksAtOnce(FxRobot robot) {
        unlock(robot);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil("the window locks", () -> robot.lookup("#unlock-view").tryQuery().isPresent());
        assertEquals(LockState.LOCKED, onFx(shell::state));
    }

    @Test
    void aLockedWindowClosedToTheTrayRestsAndOpensAgainToItsUnlockScreen(FxRobot robot) {
        unlock(robot);
        VaultSession session = onFx(shell::session);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil("the window locks", () -> robot.lookup("#unlock-view").tryQuery().isPresent());
        assertEquals(0, onFx(shell::restPasses), "no rest while the window is open");
        onFx(() -> {
            stage.hide(); // what closing to the tray does
            return null;
        });
        waitUntil("the rest hands memory back", () -> onFx(shell::restPasses) >= 1);
        assertEquals(LockState.LOCKED, onFx(shell::state));
        assertTrue(session.isOpen(), "resting keeps the session of background refresh while locked");

        onFx(() -> {
            shell.bringToFront(); // the tray's Open
            return null;
        });
        unlock(robot);
        assertSame(session, onFx(shell::session));
    }

    @SuppressWarnings("unchecked")
    private void revealTheSecret(FxRobot robot) {
        waitUntil("the secret is listed", () -> robot.lookup("#secrets-table").queryAs(TableView.class).getItems().size() == 1);
        robot.clickOn("STRIPE_KEY");
        robot.clickOn("#secret-reveal");
        waitUntil("the value is revealed", () -> ((TableView<SecretRow>) robot.lookup("#secrets-table").queryAs(TableView.class))
                .getItems().get(0).isRevealed());
        assertTrue(DesktopTestKit.allVisibleText().contains(VALUE), "the revealed value is on screen before the lock");
    }
}
