package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.AgentPreference;
import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** While a profile is unlocked the app serves it to the command line; every lock path stops that at once. */
class DesktopServesTheCommandLineFlowTest extends ShellTestBase {

    ProfileSummary profile;

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        profile = DesktopTestKit.createProfile(profiles, "work");
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            s.secrets().add("STRIPE_KEY", "rk_live_0000000000000000stripe".toCharArray(), null);
        }
    }

    private Path socket() {
        return AgentSocketPath.of(dataDir, System.getenv()).socket();
    }

    /** The first answer to a {@code secret list} command sent through the app's socket. */
    private String listThroughTheAgent() throws Exception {
        try (AgentLink link = AgentLink.connect(socket(), "test")) {
            Frame answer = link.request(Frame.of("command", 0).with("argv", List.of("secret", "list"))
                    .with("cwd", Path.of("").toAbsolutePath().toString()).with("env", Map.of()));
            while ("out".equals(answer.type()) || "err".equals(answer.type())) {
                answer = link.next();
            }
            return answer.type();
        }
    }

    private boolean welcomeSaysLocked() throws Exception {
        try (AgentLink link = AgentLink.connect(socket(), "test")) {
            return link.welcome().flag("locked");
        }
    }

    @Test
    void servesWhileUnlockedAndAnswersLockedAfterALockByHand(FxRobot robot) throws Exception {
        unlock(robot);
        waitUntil("the app serves", () -> Files.exists(socket()));
        assertFalse(welcomeSaysLocked());
        assertEquals("exit", listThroughTheAgent());

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil("the window locks", () -> robot.lookup("#unlock-view").tryQuery().isPresent());
        assertTrue(welcomeSaysLocked(), "a client learns that the app is locked");
        assertEquals("locked", listThroughTheAgent());

        unlock(robot);
        assertEquals("exit", listThroughTheAgent(), "an unlock serves again");

        onFx(() -> {
            shell.close();
            return null;
        });
        assertFalse(Files.exists(socket()), "quitting removes the socket");
    }

    @Test
    void keywardLockLocksTheApp(FxRobot robot) throws Exception {
        unlock(robot);
        waitUntil("the app serves", () -> Files.exists(socket()));
        try (AgentLink link = AgentLink.connect(socket(), "test")) {
            assertEquals("exit", link.request(Frame.of("lock", 0)).type());
        }
        waitUntil("the window locks", () -> robot.lookup("#unlock-view").tryQuery().isPresent());
        assertEquals("locked", listThroughTheAgent());
    }

    @Test
    void lockAndStopEndsServing(FxRobot robot) throws Exception {
        unlock(robot);
        waitUntil("the app serves", () -> Files.exists(socket()));
        onFx(() -> {
            shell.lockAndStop();
            return null;
        });
        assertEquals("locked", listThroughTheAgent());
    }

    @Test
    void theSettingOffMeansNoSocket(FxRobot robot) throws Exception {
        new AgentPreference(dataDir).setDesktopServes(false);
        unlock(robot);
        assertFalse(Files.exists(socket()), "the app does not serve when the setting is off");
    }
}
