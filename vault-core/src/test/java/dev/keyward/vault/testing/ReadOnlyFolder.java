package dev.keyward.vault.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A folder made read-only for this process, and writable again on close: for tests of read-only profiles. */
public record ReadOnlyFolder(Path folder, boolean mounted) implements AutoCloseable {

    public static ReadOnlyFolder make(Path folder) throws IOException, InterruptedException {
        if (runningAsRoot()) {
            // Root ignores permission bits; a read-only bind mount stops root too.
            run("mount", "--bind", folder.toString(), folder.toString());
            run("mount", "-o", "remount,ro,bind", folder.toString());
            return new ReadOnlyFolder(folder, true);
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        return new ReadOnlyFolder(folder, false);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (mounted) {
            run("umount", folder.toString());
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Whether this process runs as root (CI does), which permission bits do not stop. */
    public static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Runs a system command such as {@code mount}, failing with its output when it fails. */
    public static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
