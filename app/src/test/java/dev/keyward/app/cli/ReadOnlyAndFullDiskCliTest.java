package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyward.vault.testing.ReadOnlyFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile folder that cannot be written still reads (the audit entry is skipped and a note says so),
 * and a change is refused in a sentence that says the folder is read-only; a full disk is reported as
 * a full disk, with nothing changed. Both for real: a read-only bind mount (or, for a user other than
 * root, whom permission bits do not stop, a folder without write permission) and a small tmpfs.
 */
class ReadOnlyAndFullDiskCliTest {

    private static final String PASSWORD = "read-only-password";
    private static final String VALUE = "read-only-value-6f1c2a";

    @TempDir
    Path work;
    private Path data;
    private CliRunner cli;

    @BeforeEach
    void folders() {
        data = work.resolve("data");
    }

    private Path createProfileWithSecret() throws IOException {
        cli = new CliRunner(data).env("KEYWARD_NEW_PASSWORD", PASSWORD).env("KEYWARD_PASSWORD", PASSWORD);
        CliRunner.Result created = cli.run("profile", "create", "work");
        assertEquals(0, created.code(), created.err());
        CliRunner.Result added = cli.feed(VALUE, "secret", "add", "k", "--value-stdin");
        assertEquals(0, added.code(), added.err());
        try (Stream<Path> s = Files.list(data.resolve("profiles"))) {
            return s.findFirst().orElseThrow();
        }
    }

    @Test
    void aReadOnlyProfileFolderReadsAndRefusesChangesInASentence() throws Exception {
        Path folder = createProfileWithSecret();
        Map<String, String> before = contents(folder);
        try (ReadOnlyFolder ignored = ReadOnlyFolder.make(folder)) {
            assertFalse(Files.isWritable(folder), "the folder is really read-only");

            CliRunner.Result list = cli.run("secret", "list");
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().startsWith("k "), list.out());
            assertEquals(1, list.err().lines().filter(l -> l.contains("read-only")).count(), "said once: " + list.err());

            CliRunner.Result get = cli.run("secret", "get", "k");
            assertEquals(0, get.code(), get.err() + "/" + get.out());
            assertEquals(VALUE, get.out().strip());
            assertTrue(get.err().contains("not recorded in the audit log"), get.err());

            CliRunner.Result add = cli.feed("another-value-123456", "secret", "add", "k2", "--value-stdin");
            assertEquals(1, add.code(), add.err());
            assertTrue(add.err().contains("read-only") && add.err().contains("nothing was changed"), add.err());
            assertFalse(add.err().contains("SQLite error") || add.err().contains("Exception"), add.err());
        }
        assertEquals(before, contents(folder), "nothing in the folder changed");
        CliRunner.Result writable = cli.feed("another-value-123456", "secret", "add", "k2", "--value-stdin");
        assertEquals(0, writable.code(), "writable again: " + writable.err());
    }

    @Test
    void aFullDiskIsReportedAsAFullDiskAndChangesNothing() throws Exception {
        assumeTrue(ReadOnlyFolder.runningAsRoot(), "mounting a small tmpfs needs root");
        Files.createDirectories(data);
        ReadOnlyFolder.run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", data.toString());
        try {
            createProfileWithSecret();
            Path filler = data.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] block = new byte[64 * 1024];
                while (true) {
                    out.write(block);
                }
            } catch (IOException full) {
                // ENOSPC: the disk is full now
            }
            CliRunner.Result add = cli.feed("x".repeat(200_000), "secret", "add", "big", "--value-stdin");
            assertEquals(1, add.code(), add.err());
            assertTrue(add.err().contains("is full") && add.err().contains("nothing was changed")
                    && add.err().contains(data.toString()), add.err());
            assertFalse(add.err().contains("SQLite error") || add.err().contains("Exception"), add.err());

            Files.delete(filler);
            CliRunner.Result list = cli.run("secret", "list");
            assertEquals(0, list.code(), list.err());
            assertEquals(List.of("k"), list.out().lines().map(l -> l.split(" ")[0]).toList(), "the failed add left nothing");
            assertEquals(VALUE, cli.run("secret", "get", "k").out().strip());
        } finally {
            ReadOnlyFolder.run("umount", "-l", data.toString());
        }
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith("-shm")).toList()) {
                hashes.put(folder.relativize(file).toString(), java.util.Arrays.hashCode(Files.readAllBytes(file)) + "");
            }
        }
        return hashes;
    }
}
