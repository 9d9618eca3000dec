package dev.keyward.app.agent.client;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.file.Path;

/**
 * Replaces the client's process by the launcher running the command directly ({@code execv}): the
 * same pid, terminal, environment and unread stdin, so to the caller (a shell, a supervisor sending
 * signals) it is one process that took the direct path. Through JNA, which is loaded only here.
 */
final class LauncherRestart {

    /** {@code CLOSE_RANGE_CLOEXEC} (Linux 5.11+): descriptors stay open in this JVM and close at the exec. */
    private static final int CLOSE_RANGE_CLOEXEC = 4;

    private static final String JNA_PLATFORM_PATH = "jna.platform.library.path";

    private LauncherRestart() {
    }

    /** The libc calls JNA binds. */
    private interface LibC extends Library {
        int execv(String path, String[] argv);

        int close_range(int first, int last, int flags);
    }

    /** {@code args} for the launcher: the direct path, forced with {@code --no-agent} in front. */
    static String[] directArguments(String[] args) {
        String[] out = new String[args.length + 1];
        out[0] = AgentRoute.NO_AGENT;
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    /**
     * Becomes {@code launcher args...}; returns only when that failed, with why (no secret: the arguments
     * are the caller's own command line, and they are not repeated).
     */
    static String replaceProcess(Path launcher, String[] args) {
        // JNA passes a String[] as a char* array with the null pointer execv needs after the last one.
        String[] argv = new String[args.length + 1];
        argv[0] = launcher.toString();
        System.arraycopy(args, 0, argv, 1, args.length);
        System.out.flush();
        System.err.flush();
        LibC libc;
        try {
            // By its file name on Linux, and with JNA's own list of system folders left empty: for "c",
            // or to make that list, JNA would start ldconfig, a process of its own, first.
            if (System.getProperty(JNA_PLATFORM_PATH) == null) {
                System.setProperty(JNA_PLATFORM_PATH, "");
            }
            libc = Native.load(Platform.isLinux() ? "libc.so.6" : Platform.C_LIBRARY_NAME, LibC.class);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return "the C library could not be reached";
        }
        try {
            // The JVM's own files (jars, the start-up cache) are not handed to the launcher.
            libc.close_range(3, Integer.MAX_VALUE, CLOSE_RANGE_CLOEXEC);
        } catch (UnsatisfiedLinkError e) {
            // An older C library or another OS: those descriptors are inherited, and unused.
        }
        libc.execv(argv[0], argv);
        return "exec of " + launcher + " failed with error " + Native.getLastError();
    }
}
