package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.Main;
import dev.keyward.app.session.SessionServices;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.secrets.SecretRow;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * One vault, one view: while the desktop shows the secrets list, the CLI run as a separate JVM (its own
 * unlock, its own SQLCipher connection) adds and deletes a secret, and the list follows with no action by
 * the person, keeping their selection; a write in the desktop's own session reported through
 * {@code changedHere()} (what the agent does) shows too; the watch thread ends when the window locks.
 */
class StaleViewRefreshFlowTest extends ShellTestBase {

    private static final String CLI_VALUE = "cli-value-canary-7f3a9d";
    private static final String AGENT_VALUE = "agent-value-canary-51c2e8";

    @TempDir
    Path work;

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        workProfileWith("KEPT", "kept-value-1234");
    }

    @Test
    void theSecretsListFollowsWritesByAnotherProcessAndByTheAgentUntilTheWindowLocks(FxRobot robot) throws Exception {
        unlock(robot);
        TableView<SecretRow> table = robot.lookup("#secrets-table").queryTableView();
        waitUntil("the list loaded", () -> names(table).contains("KEPT"));
        onFx(() -> {
            table.getSelectionModel().select(0);
            return null;
        });
        Thread watch = watchThread().orElseThrow(() -> new AssertionError("no watch runs while the window is unlocked"));

        cli(CLI_VALUE, "secret", "add", "FROM_CLI", "--value-stdin");
        waitUntil("the secret added by another process shows", () -> names(table).contains("FROM_CLI"));
        assertEquals("KEPT", onFx(() -> table.getSelectionModel().getSelectedItem().info().name()),
                "the person's selection stays");

        cli("", "secret", "rm", "FROM_CLI", "--yes");
        waitUntil("the secret deleted by another process goes", () -> !names(table).contains("FROM_CLI"));

        // What the agent does: write through the desktop's own session, then say so.
        SessionServices services = onFx(shell::sessionServices);
        services.session().secrets().add("VIA_AGENT", AGENT_VALUE.toCharArray(), null);
        services.changes().changedHere();
        waitUntil("the agent's write shows", () -> names(table).contains("VIA_AGENT"));

        String shown = onFx(DesktopTestKit::allVisibleText);
        assertFalse(shown.contains(CLI_VALUE) || shown.contains(AGENT_VALUE), "a value showed without being revealed");

        onFx(() -> {
            shell.lock();
            return null;
        });
        watch.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(watch.isAlive(), "the watch still runs after the window locked");
    }

    private static List<String> names(TableView<SecretRow> table) {
        return table.getItems().stream().map(r -> r.info().name()).toList();
    }

    private static Optional<Thread> watchThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("keyward-vault-changes") && t.isAlive()).findFirst();
    }

    /** Keyward's CLI as a separate JVM on the same data folder, past the app's agent (a direct write), with {@code stdin} as its input. */
    private void cli(String stdin, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", dataDir.toString(), "--no-agent"));
        command.addAll(List.of(args));
        Path in = Files.writeString(work.resolve("stdin.txt"), stdin);
        File err = work.resolve("stderr.txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_"));
        builder.environment().put("KEYWARD_PASSWORD", DesktopTestKit.PASSWORD);
        builder.environment().put("KEYWARD_PROFILE", "work");
        builder.redirectInput(in.toFile());
        builder.redirectOutput(work.resolve("stdout.txt").toFile());
        builder.redirectError(err);
        Process p = builder.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), String.join(" ", args) + " did not end");
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + Files.readString(err.toPath()));
    }
}
