package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.waitUntil;

import dev.keyward.app.ui.DesktopServices;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Starts the real desktop shell on a temporary data folder, headless under Monocle. */
@DesktopTest
abstract class ShellTestBase {

    @TempDir
    Path dataDir;
    ProfileService profiles;
    final DesktopTestKit.QueuedFiles files = new DesktopTestKit.QueuedFiles();
    DesktopShell shell;
    Stage stage;

    /** Prepares the data folder before the window opens (profiles, secrets, settings). */
    void prepare() throws Exception {
    }

    /** For {@link #prepare()}: the profile "work", holding the one secret {@code name} with {@code value}. */
    void workProfileWith(String name, String value) {
        try (VaultSession s = DesktopTestKit.open(profiles, DesktopTestKit.createProfile(profiles, "work"))) {
            s.secrets().add(name, value.toCharArray(), null);
        }
    }

    /** The auto-lock delay, or null for the profile's setting. */
    Duration idleTimeout() {
        return null;
    }

    DesktopServices services() {
        return DesktopTestKit.services(profiles, dataDir, files, idleTimeout());
    }

    /** Each test class calls this from its own {@code @Start} method (TestFX looks only at the declared ones). */
    void startShell(Stage stage) throws Exception {
        this.stage = stage;
        profiles = DesktopTestKit.profiles(dataDir);
        prepare();
        shell = new DesktopShell(stage, services());
        shell.start();
    }

    @AfterEach
    void closeShell() {
        DesktopTestKit.onFx(() -> {
            shell.close();
            return null;
        });
    }

    void unlock(FxRobot robot) {
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());
        robot.clickOn("#unlock-password").write(DesktopTestKit.PASSWORD).type(KeyCode.ENTER);
        waitUntil("the main window shows", () -> robot.lookup("#main-view").tryQuery().isPresent());
    }

    String title() {
        return DesktopTestKit.onFx(stage::getTitle);
    }
}
