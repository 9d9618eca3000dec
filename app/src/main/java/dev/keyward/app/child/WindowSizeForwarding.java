package dev.keyward.app.child;

import com.pty4j.PtyProcess;
import java.util.function.Supplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Passes window size changes of Keyward's terminal (SIGWINCH) on to the child's pseudo-terminal, whose
 * kernel then sends the child its own SIGWINCH; {@link #close} puts the previous handler back.
 */
final class WindowSizeForwarding implements AutoCloseable {

    private static final Signal WINCH = winch();

    private final SignalHandler previous;

    private WindowSizeForwarding(SignalHandler previous) {
        this.previous = previous;
    }

    static WindowSizeForwarding to(PtyProcess child) {
        return toCurrent(() -> child);
    }

    /** Passes changes on to whichever child {@code current} names at the time (none when it gives null). */
    static WindowSizeForwarding toCurrent(Supplier<PtyProcess> current) {
        if (WINCH == null) {
            return new WindowSizeForwarding(null);
        }
        try {
            SignalHandler previous = Signal.handle(WINCH, signal ->
                    {
                PtyProcess child = current.get();
                if (child != null) {
                    PtyChild.windowSize().ifPresent(size -> resize(child, size));
                }
            });
            return new WindowSizeForwarding(previous);
        } catch (IllegalArgumentException e) {
            return new WindowSizeForwarding(null); // the JVM does not let this signal be handled here
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            try {
                Signal.handle(WINCH, previous);
            } catch (IllegalArgumentException e) {
                // Nothing to put back.
            }
        }
    }

    private static void resize(PtyProcess child, com.pty4j.WinSize size) {
        if (child.isAlive()) {
            try {
                child.setWinSize(size);
            } catch (RuntimeException e) {
                // The child ended between the check and the call.
            }
        }
    }

    private static Signal winch() {
        try {
            return new Signal("WINCH");
        } catch (IllegalArgumentException e) {
            return null; // no such signal here (Windows)
        }
    }
}
