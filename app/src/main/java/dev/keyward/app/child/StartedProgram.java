package dev.keyward.app.child;

/**
 * A program of {@code run --watch} that was started, on pipes or on its own pseudo-terminal; close it
 * once it ended, so its output is drained and its mask wiped.
 */
public sealed interface StartedProgram extends AutoCloseable permits PipedProgram, PtyProgram {

    /** The running program, to signal (SIGTERM, SIGKILL) and wait for. */
    Process process();

    @Override
    void close();
}
