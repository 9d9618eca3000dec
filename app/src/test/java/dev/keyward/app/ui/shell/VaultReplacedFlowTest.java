package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.Main;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.secrets.SecretRow;
import dev.keyward.vault.backup.BackupService;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * One vault, one view, for a restore: while the app shows the profile, another process (the CLI as its own
 * JVM) restores a backup, which puts a new vault file in place. The app notices without any action by the
 * person, locks the profile with a sentence saying why, and the next unlock shows the restored vault, not
 * the old file its connections had open.
 */
class VaultReplacedFlowTest extends ShellTestBase {

    @TempDir
    Path work;
    private Path backup;

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        ProfileSummary profile = DesktopTestKit.createProfile(profiles, "work");
        backup = work.resolve("work.kwbackup");
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            s.secrets().add("IN_BACKUP", "in-backup-value-1234".toCharArray(), null);
            new BackupService(profiles).create(s, backup);
            s.secrets().add("AFTER_BACKUP", "after-backup-value-1234".toCharArray(), null);
        }
    }

    @Test
    void aRestoreByAnotherProcessLocksTheProfileWithASentenceAndTheNextUnlockShowsTheRestoredVault(FxRobot robot)
            throws Exception {
        unlock(robot);
        TableView<SecretRow> table = robot.lookup("#secrets-table").queryTableView();
        waitUntil("the list loaded", () -> names(table).contains("AFTER_BACKUP"));

        restoreInAnotherProcess();

        waitUntil("the app locked the replaced profile", () -> robot.lookup("#unlock-password").tryQuery().isPresent()
                && robot.lookup("#main-view").tryQuery().isEmpty());
        waitUntil("the sentence says why", () -> message(robot).contains("was replaced"));
        assertEquals("The vault of profile 'work' was replaced by another program (a restore, perhaps), so Keyward"
                + " locked it; unlock it again to see what it holds now.", message(robot));
        assertEquals(LockState.STOPPED, onFx(shell::state), "the old file's session is closed, its keys wiped");

        unlock(robot);
        TableView<SecretRow> after = robot.lookup("#secrets-table").queryTableView();
        waitUntil("the restored list loaded", () -> names(after).contains("IN_BACKUP"));
        assertFalse(names(after).contains("AFTER_BACKUP"), "the list is the restored vault's");
    }

    private static String message(FxRobot robot) {
        return onFx(() -> robot.lookup("#unlock-message").queryAs(Label.class).getText());
    }

    private static List<String> names(TableView<SecretRow> table) {
        return onFx(() -> table.getItems().stream().map(r -> r.info().name()).toList());
    }

    /** {@code keyward backup restore} as a separate JVM on the same data folder, past the app's agent. */
    private void restoreInAnotherProcess() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", dataDir.toString(), "--no-agent", "backup", "restore",
                backup.toString(), "--password-stdin"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_"));
        builder.redirectInput(Files.writeString(work.resolve("stdin.txt"), DesktopTestKit.PASSWORD + "\n").toFile());
        File err = work.resolve("stderr.txt").toFile();
        builder.redirectOutput(work.resolve("stdout.txt").toFile());
        builder.redirectError(err);
        Process p = builder.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the restore did not end");
        assertEquals(0, p.exitValue(), "restore: " + Files.readString(err.toPath()));
    }
}
