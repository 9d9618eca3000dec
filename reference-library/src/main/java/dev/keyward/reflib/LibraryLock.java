package dev.keyward.reflib;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one change (add, sync, remove) run at a time: a lock for threads of this process and
 * a file lock on {@code reference_library/.lock} for a second process (GUI and CLI together).
 */
final class LibraryLock {

    private final ReentrantLock threads = new ReentrantLock();
    private final Path lockFile;

    LibraryLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    /** A held lock; closing it releases both parts. */
    final class Held implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock fileLock;

        private Held(FileChannel channel, FileLock fileLock) {
            this.channel = channel;
            this.fileLock = fileLock;
        }

        @Override
        public void close() {
            try {
                fileLock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock anyway; nothing useful to report
            } finally {
                threads.unlock();
            }
        }
    }

    Held acquire() {
        threads.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                throw new ReferenceStoreException("Another Keyward process is changing the reference library;"
                        + " try again when it has finished.", null);
            }
            return new Held(channel, fileLock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            threads.unlock();
            if (e instanceof ReferenceLibraryException known) {
                throw known;
            }
            throw new ReferenceStoreException("The reference library folder " + lockFile.getParent()
                    + " cannot be locked for changes; check its permissions.", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is the one to report
            }
        }
    }
}
