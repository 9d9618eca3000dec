package dev.keyward.app.ui.automation;

import static dev.keyward.app.ui.DesktopTestKit.waitUntil;

import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.shell.DesktopShell;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The real desktop shell on a real profile (fast Argon2id), opened on the Automation page. */
@DesktopTest
abstract class AutomationTestBase {

    /** The practice account's password, stored as a vault secret: it must never show in the window. */
    static final String CANARY = "Canary-Practice-7c1e42d9b";

    @TempDir
    Path dataDir;
    @TempDir
    Path work;
    ProfileService profiles;
    ProfileSummary profile;
    final DesktopTestKit.QueuedFiles files = new DesktopTestKit.QueuedFiles();
    DesktopShell shell;

    void startShell(Stage stage) {
        profiles = DesktopTestKit.profiles(dataDir);
        profile = DesktopTestKit.createProfile(profiles, "work");
        try (VaultSession s = session()) {
            s.enableAutomation();
            s.secrets().add("practice-cloud-password", CANARY.toCharArray(), "practice-cloud");
        }
        shell = new DesktopShell(stage, DesktopTestKit.services(profiles, dataDir, files, null));
        shell.start();
    }

    /** A second session on the profile, to read back what the window stored. */
    VaultSession session() {
        return DesktopTestKit.open(profiles, profile);
    }

    @AfterEach
    void closeShell() {
        DesktopTestKit.onFx(() -> {
            shell.close();
            return null;
        });
    }

    void openAutomation(FxRobot robot) {
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());
        robot.clickOn("#unlock-password").write(DesktopTestKit.PASSWORD).type(KeyCode.ENTER);
        waitUntil("the main window shows", () -> robot.lookup("#main-view").tryQuery().isPresent());
        robot.clickOn("#nav-automation");
        waitUntil("the automation page shows", () -> robot.lookup("#program-table").tryQuery().isPresent());
    }

    /** A copy of a sample program from the repository's samples/programs. */
    Path sample(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("samples/programs"))) {
            dir = dir.getParent();
        }
        return Files.copy(dir.resolve("samples/programs/" + name), work.resolve(name));
    }

    @SuppressWarnings("unchecked")
    static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    static String text(FxRobot robot, String id) {
        return DesktopTestKit.onFx(() -> robot.lookup(id).queryLabeled().getText());
    }
}
