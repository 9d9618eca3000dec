package dev.keyward.app.ui.shell;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The main of a child JVM that {@code LauncherDesktopHeapTest} starts with the launcher's desktop flags:
 * holds 64 MiB until a collection has grown the heap to fit, lets go, runs one pass of the tray rest
 * ({@link MemoryReturn#now}) and prints the heap's committed bytes before and after the rest.
 */
public final class RestHeapProbe {

    private RestHeapProbe() {
    }

    public static void main(String[] args) {
        long grown = holdThenLetGo();
        MemoryReturn.now();
        long rested = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        System.out.println("committed " + grown + " " + rested);
    }

    /** The heap's committed bytes while 64 MiB were live, after a collection; the arrays are garbage on return. */
    private static long holdThenLetGo() {
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            held.add(new byte[256 * 1024]);
        }
        System.gc();
        long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        if (held.size() != 256) {
            throw new AssertionError("the arrays stay live until here");
        }
        return committed;
    }
}
