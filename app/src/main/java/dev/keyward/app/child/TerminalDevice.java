package dev.keyward.app.child;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the C library says about this process's standard streams: whether one is a terminal, and the
 * terminal's window size. Off Unix, or where the library cannot be loaded, nothing is a terminal.
 */
final class TerminalDevice {

    static final int STDIN = 0;
    static final int STDOUT = 1;
    static final int STDERR = 2;

    private TerminalDevice() {
    }

    /** The window size in character cells. */
    record Size(int columns, int rows) {
    }

    /** The libc calls JNA binds. */
    private interface LibC extends Library {
        int isatty(int fd);

        int ioctl(int fd, NativeLong request, short[] winsize);
    }

    /** Loaded on first use: a run without a terminal question never loads the native library. */
    private static final class Holder {
        static final LibC LIBC = load();

        private static LibC load() {
            if (Platform.isWindows()) {
                return null;
            }
            try {
                return Native.load("c", LibC.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return null;
            }
        }
    }

    /** True when file descriptor {@code fd} of this process is a terminal. */
    static boolean isTerminal(int fd) {
        // On Linux the answer is in /proc, so a run without a terminal (the agent client's fast path
        // included) does not load JNA at all; elsewhere libc is asked.
        Path descriptors = Path.of("/proc/self/fd");
        if (Files.isDirectory(descriptors)) {
            try {
                String device = Files.readSymbolicLink(descriptors.resolve(Integer.toString(fd))).toString();
                return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        LibC libc = Holder.LIBC;
        return libc != null && libc.isatty(fd) == 1;
    }

    /** The window size of the terminal on {@code fd}, if it is one and reports a size. */
    static Optional<Size> size(int fd) {
        LibC libc = Holder.LIBC;
        if (libc == null) {
            return Optional.empty();
        }
        // TIOCGWINSZ: Linux and the BSDs (macOS) number it differently.
        long request = Platform.isLinux() ? 0x5413L : 0x40087468L;
        short[] winsize = new short[4]; // rows, columns, x pixels, y pixels
        if (libc.ioctl(fd, new NativeLong(request), winsize) != 0 || winsize[0] <= 0 || winsize[1] <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Size(winsize[1], winsize[0]));
    }
}
