package dev.keyward.vault.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that a crash leaves either the old or the new content, never a mix: a temp
 * file in the same folder, fsync, rename over the target, fsync the folder.
 */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target}, readable and writable by the owner only. */
    public static void write(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                writeVia(temp, target, content);
                return;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    /**
     * Creates {@code temp} (it must not exist: a file or link planted there is never followed),
     * writes and syncs {@code content} through that one channel, then renames it over {@code target}.
     */
    static void writeVia(Path temp, Path target, byte[] content) throws IOException {
        boolean created = false;
        try {
            try (FileChannel channel = createOwnerOnly(temp)) {
                created = true;
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target);
            syncFolder(target.toAbsolutePath().getParent());
        } finally {
            if (created) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A new file opened for writing, created owner-only (POSIX) in the same call that opens it. */
    private static FileChannel createOwnerOnly(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Set<java.nio.file.OpenOption> noFollow = new java.util.HashSet<>(options);
        noFollow.add(LinkOption.NOFOLLOW_LINKS);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return FileChannel.open(file, noFollow, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        // Not a POSIX file system (Windows): the user's profile folder ACLs apply instead.
        return FileChannel.open(file, noFollow);
    }

    /** Renames {@code source} over {@code target} atomically and syncs the folder. */
    public static void replace(Path source, Path target) throws IOException {
        moveIntoPlace(source, target);
        syncFolder(target.toAbsolutePath().getParent());
    }

    public static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the user's profile folder ACLs apply instead.
        }
    }

    public static void restrictFolderToOwner(Path folder) {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the user's profile folder ACLs apply instead.
        }
    }

    /** Flushes a folder's entries to disk so a completed rename survives a power loss. */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a folder for reading; the rename itself is still atomic.
        }
    }

    private static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
