package dev.keyward.app.ui.shell;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * Hands the memory a resting desktop does not use back to the system: a full collection, after which
 * the launcher's heap flags ({@code ./keyward}'s {@code desktop_jvm}: the serial collector, at most 30%
 * of the heap free, shrinking at once rather than in steps) give the heap's empty part back; then the C
 * library's free pages ({@code malloc_trim}, glibc only), which GTK and the renderer freed when the
 * window closed. The JVM's own periodic trim ({@code -XX:TrimNativeHeapInterval}) would do the latter
 * within a minute; doing it right after the collection makes the rest's size what a person sees at once.
 */
final class MemoryReturn {

    /** glibc's call: releases free memory at the top of the heap and inside each malloc arena. */
    private interface CLibrary extends Library {
        int malloc_trim(NativeLong pad);
    }

    /** Bound on first use: a desktop that never rests never loads it. */
    private static final class Glibc {
        static final CLibrary LIBC = load();

        private static CLibrary load() {
            if (!Platform.isLinux()) {
                return null;
            }
            try {
                return Native.load("c", CLibrary.class);
            } catch (LinkageError | RuntimeException e) {
                return null;
            }
        }
    }

    /** Whether trimming failed once (a C library without malloc_trim, such as musl): not tried again. */
    private static volatile boolean trimUnavailable;

    private MemoryReturn() {
    }

    /** Collects the heap (the calling thread waits for it) and trims the C heap; off the JavaFX thread. */
    static void now() {
        // A full collection is the only moment the serial collector resizes its old generation; nothing
        // else would run one in a process that allocates almost nothing while it rests in the tray.
        System.gc();
        trimNativeHeap();
    }

    private static void trimNativeHeap() {
        if (trimUnavailable) {
            return;
        }
        CLibrary libc = Glibc.LIBC;
        if (libc == null) {
            trimUnavailable = true;
            return;
        }
        try {
            libc.malloc_trim(new NativeLong(0));
        } catch (LinkageError | RuntimeException e) {
            trimUnavailable = true;
        }
    }
}
