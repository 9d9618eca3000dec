package dev.keyward.vault.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class UserFilesTest {

    @TempDir
    Path dir;

    @Test
    void anEndlessDeviceIsRefusedWithASentenceInsteadOfBeingRead() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> UserFiles.read(Path.of("/dev/zero"), UserFiles.TEXT_LIMIT));
        assertEquals("/dev/zero is not a regular file (it is a device, a pipe or a socket); nothing was read.",
                e.getMessage());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        assertThrows(InvalidInputException.class, () -> UserFiles.read(fifo, UserFiles.TEXT_LIMIT));
    }

    @Test
    void aFolderAMissingFileAndAnOversizedFileAreRefused() throws IOException {
        InvalidInputException folder = assertThrows(InvalidInputException.class, () -> UserFiles.read(dir, 10));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        assertThrows(NotFoundException.class, () -> UserFiles.read(dir.resolve("absent"), 10));
        Path big = dir.resolve("big.env");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(UserFiles.TEXT_LIMIT + 1);
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> UserFiles.read(big, UserFiles.TEXT_LIMIT));
        assertTrue(e.getMessage().endsWith("is larger than 16 MiB; nothing was read."), e.getMessage());
    }

    @Test
    void aWriteReplacesARegularFileOwnerOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("out.env"), "old");
        UserFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aSymbolicLinkIsNeverReplacedNorFollowed() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.env"), target);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> UserFiles.write(link, "SECRET=1".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(target));
    }

    @Test
    void aDeviceOrFolderTargetIsRefused() {
        assumeTrue(Files.exists(Path.of("/dev/null")));
        assertThrows(InvalidInputException.class, () -> UserFiles.checkWritable(Path.of("/dev/null")));
        assertThrows(InvalidInputException.class, () -> UserFiles.write(dir, new byte[] {1}));
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aMissingFolderIsNamedAndNotCreated() {
        Path missing = dir.resolve("no/such/folder");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> UserFiles.write(missing.resolve("out.env"), new byte[] {1}));
        assertEquals("The folder " + missing + " does not exist; create it first. Nothing was written.", e.getMessage());
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void aRegularFileIsReadWhole() throws IOException {
        Path file = Files.write(dir.resolve("a.env"), new byte[] {65, 61, 49});
        assertArrayEquals(new byte[] {65, 61, 49}, UserFiles.read(file, 3));
        assertThrows(InvalidInputException.class, () -> UserFiles.read(file, 2));
    }

    @Test
    void aSymbolicLinkToARegularFileIsReadThroughItsTarget() throws IOException {
        Path target = Files.write(dir.resolve("real.env"), new byte[] {66, 61, 50});
        Path link = Files.createSymbolicLink(dir.resolve("link.env"), target);
        assertArrayEquals(new byte[] {66, 61, 50}, UserFiles.read(link, 3));
    }

    @Test
    void aFileSwappedForAnotherAfterItsCheckIsRefused() throws IOException {
        Path checked = Files.write(dir.resolve("checked.env"), new byte[] {65});
        Path other = Files.write(dir.resolve("other.env"), new byte[] {66});
        BasicFileAttributes attributes = Files.readAttributes(checked, BasicFileAttributes.class);
        assumeTrue(attributes.fileKey() != null, "the file system gives file keys");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> UserFiles.openChecked(checked, other, attributes));
        assertEquals(checked + " was replaced while it was being opened; nothing was read.", e.getMessage());
    }

    @Test
    void aSymbolicLinkSwappedInAfterTheCheckIsNotFollowed() throws IOException {
        Path checked = Files.write(dir.resolve("checked.env"), new byte[] {65});
        BasicFileAttributes attributes = Files.readAttributes(checked, BasicFileAttributes.class);
        Path link = Files.createSymbolicLink(dir.resolve("swapped.env"), checked);
        assertThrows(InvalidInputException.class, () -> UserFiles.openChecked(link, link, attributes));
    }
}
