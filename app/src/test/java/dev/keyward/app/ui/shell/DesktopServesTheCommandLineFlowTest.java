package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.Main;
import dev.keyward.app.agent.AgentPreference;
import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** While a profile is unlocked the app serves it to the command line; every lock path stops that at once. */
class DesktopServesTheCommandLineFlowTest extends ShellTestBase {

    private static final String VALUE = "rk_live_0000000000000000stripe";

    ProfileSummary profile;

    /** The real command line (Main in its own JVM, no password in its environment), started and left running. */
    private Process keyward(Path out, Path err, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = ChildEnvironment.processBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_"));
        return builder.start();
    }

    private static int exitOf(Process p) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ended");
        return p.exitValue();
    }

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
    void listensFromTheStartSoAClientLearnsTheAppIsLockedWhileTheUnlockScreenShows(FxRobot robot) throws Exception {
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());
        // Made on a worker thread after the window shows (not on the JavaFX thread), so it is awaited.
        waitUntil("the app listens", () -> Files.exists(socket()));
        try (AgentLink link = AgentLink.connect(socket(), "test")) {
            assertEquals("desktop", link.welcome().string("server"));
            assertTrue(link.welcome().flag("locked"), "a client learns that the app is open but locked");
        }
        assertEquals("locked", listThroughTheAgent());
        assertTrue(robot.lookup("#unlock-password").tryQuery().isPresent(), "the app still shows the unlock screen");
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

    @Test
    void theCommandLineGetsAValueThePersonAllowsAndExitsSixWhenDenied(FxRobot robot, @org.junit.jupiter.api.io.TempDir
            Path outputs) throws Exception {
        unlock(robot);
        waitUntil("the app serves", () -> Files.exists(socket()));

        // The command writes through the app's own connection (its audit row), which data_version does not
        // show: the agent says so itself, and the open views hear it.
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        dev.keyward.app.session.VaultChanges.Listening listening = onFx(shell::sessionServices).changes()
                .listen(heard::incrementAndGet);
        Path out = outputs.resolve("allowed.out");
        Path err = outputs.resolve("allowed.err");
        Process allowed = keyward(out, err, "secret", "get", "STRIPE_KEY");
        waitUntil("the approval window shows", () -> robot.lookup("#approval-allow-once").tryQuery().isPresent());
        waitUntil("Allow once arms", () -> onFx(() -> !robot.lookup("#approval-allow-once").queryButton().isDisabled()));
        robot.clickOn("#approval-allow-once");
        assertEquals(0, exitOf(allowed), Files.readString(err));
        assertEquals(VALUE + "\n", Files.readString(out), "the value came through the app: the client has no password");
        waitUntil("the app's views are told the agent's command changed the vault", () -> heard.get() > 0);
        listening.close();

        Path deniedErr = outputs.resolve("denied.err");
        Process denied = keyward(outputs.resolve("denied.out"), deniedErr, "secret", "get", "STRIPE_KEY");
        waitUntil("the approval window shows", () -> robot.lookup("#approval-deny").tryQuery().isPresent());
        robot.clickOn("#approval-deny");
        assertEquals(6, exitOf(denied), Files.readString(deniedErr));
        assertTrue(Files.readString(deniedErr).startsWith("keyward: The request was denied in the Keyward app"),
                Files.readString(deniedErr));
        assertEquals("", Files.readString(outputs.resolve("denied.out")));

        // A lock while the question waits ends it: nothing is revealed, and the window closes.
        Path lockedErr = outputs.resolve("locked.err");
        Process locked = keyward(outputs.resolve("locked.out"), lockedErr, "secret", "get", "STRIPE_KEY");
        waitUntil("the approval window shows", () -> robot.lookup("#approval-deny").tryQuery().isPresent());
        onFx(() -> {
            shell.lock();
            return null;
        });
        assertTrue(exitOf(locked) != 0, Files.readString(lockedErr));
        assertEquals("", Files.readString(outputs.resolve("locked.out")));
        waitUntil("the approval window closed", () -> robot.lookup("#approval-deny").tryQuery().isEmpty());

        for (String file : List.of("allowed.err", "denied.err", "locked.err")) {
            assertFalse(Files.readString(outputs.resolve(file)).contains(VALUE), file + " holds the value");
        }
    }
}
