package dev.keyward.vault.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temp file of an atomic write is created and written through one channel, never through a planted link. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aLinkPlantedAtTheTempNameIsNotFollowedAndItsTargetIsUntouched() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "untouched");
        Path temp = Files.createSymbolicLink(dir.resolve(".out.env.tmp"), victim);
        Path target = dir.resolve("out.env");
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFiles.writeVia(temp, target, "SECRET=atomic-canary-e2".getBytes(StandardCharsets.UTF_8)));
        assertEquals("untouched", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(temp), "a file Keyward did not create is not deleted either");
        assertTrue(Files.notExists(target));
    }

    @Test
    void aFilePlantedAtTheTempNameIsNotOverwritten() throws IOException {
        Path temp = Files.writeString(dir.resolve(".out.env.tmp"), "someone else's");
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFiles.writeVia(temp, dir.resolve("out.env"), new byte[] {1}));
        assertEquals("someone else's", Files.readString(temp));
    }

    @Test
    void theWrittenFileIsOwnerOnlyEvenOverAWorldReadableOne() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path target = Files.writeString(dir.resolve("out.env"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.write(target, "A=1\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("A=1\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file is left behind");
        }
    }
}
