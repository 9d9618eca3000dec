package dev.keyward.app.cli;

import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.process.SystemPrograms;
import java.util.List;

/**
 * Passes SIGINT, SIGTERM and SIGHUP that reach Keyward on to the child of {@code keyward run},
 * so the child decides how to stop, and Keyward then exits with the child's code.
 */
public final class SignalForwarding {

    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private SignalForwarding() {
    }

    /** Forwards the three signals to {@code child} from now on (also used by the agent client's {@code exec}). */
    public static void forwardTo(Process child) {
        if (System.getProperty("os.name", "").toLowerCase().contains("win")) {
            return; // Windows has no POSIX signals; Ctrl+C reaches the console's processes directly.
        }
        for (String name : SIGNALS) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> send(child, name));
            } catch (IllegalArgumentException e) {
                // The JVM reserves this signal here (e.g. with -Xrs); the child still gets group signals.
            }
        }
    }

    private static void send(Process child, String signal) {
        if (!child.isAlive()) {
            return;
        }
        // By its absolute path: a "kill" found through PATH could be any program.
        java.util.Optional<java.nio.file.Path> kill = SystemPrograms.kill();
        try {
            if (kill.isPresent()) {
                ChildEnvironment.processBuilder(kill.get().toString(), "-s", signal, Long.toString(child.pid()))
                        .inheritIO().start();
                return;
            }
        } catch (java.io.IOException e) {
            // Fall through: TERM still reaches the child through the JVM.
        }
        if ("TERM".equals(signal)) {
            child.destroy();
        }
    }
}
