package dev.keyward.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.Main;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that has written (so its pages were checked through a file descriptor of its own) keeps seeing
 * every commit of another process, and its data version moves with each: closing a descriptor of the vault
 * beside SQLite's used to drop this process's lock, so the CLI deleted the WAL and shared-memory index at
 * exit and this session read a stale vault from the second command on.
 */
class OtherProcessCommitsTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    @Test
    void everyCommitOfAnotherProcessIsSeenByAnOpenSessionThatWrote() throws Exception {
        ProfileService profiles = DesktopTestKit.profiles(dataDir);
        try (VaultSession session = DesktopTestKit.open(profiles, DesktopTestKit.createProfile(profiles, "work"))) {
            session.secrets().add("KEPT", "kept-value-1234".toCharArray(), null);
            long version = session.database().dataVersion();

            cli("added-value-1234", "secret", "add", "ADDED", "--value-stdin");
            assertEquals(List.of("ADDED", "KEPT"), names(session));
            assertNotEquals(version, version = session.database().dataVersion());

            cli("", "secret", "rm", "ADDED", "--yes");
            assertEquals(List.of("KEPT"), names(session), "the second process's deletion is seen");
            assertNotEquals(version, version = session.database().dataVersion());

            cli("again-value-1234", "secret", "add", "AGAIN", "--value-stdin");
            assertEquals(List.of("AGAIN", "KEPT"), names(session), "and the third's addition");
            assertNotEquals(version, session.database().dataVersion());
        }
    }

    private static List<String> names(VaultSession session) {
        return session.secrets().list().stream().map(SecretInfo::name).sorted().toList();
    }

    /** Keyward's CLI as a separate JVM on the same data folder. */
    private void cli(String stdin, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_"));
        builder.environment().put("KEYWARD_PASSWORD", DesktopTestKit.PASSWORD);
        builder.environment().put("KEYWARD_PROFILE", "work");
        builder.redirectInput(Files.writeString(work.resolve("stdin.txt"), stdin).toFile());
        File err = work.resolve("stderr.txt").toFile();
        builder.redirectOutput(work.resolve("stdout.txt").toFile());
        builder.redirectError(err);
        Process p = builder.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), String.join(" ", args) + " did not end");
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + Files.readString(err.toPath()));
    }
}
