package dev.keyward.app.child;

import dev.keyward.app.child.MaskingOutputStream.Destination;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the program of {@code keyward run}, for the direct path and for the agent's client alike: on a
 * pseudo-terminal when Keyward's stdout is a terminal, else on pipes (or Keyward's own streams when
 * nothing is masked); the given values masked in its output unless masking is off; signals forwarded;
 * its exit code (128 + N for signal N) returned.
 */
public final class ChildRunner {

    /** How long the output of a finished child is still copied (a background program may hold it open). */
    static final long DRAIN_SECONDS = 2;

    private final Destination outTo;
    private final Destination errTo;
    private final OutputStream out;
    private final OutputStream err;

    private ChildRunner(Destination outTo, Destination errTo, OutputStream out, OutputStream err) {
        this.outTo = outTo;
        this.errTo = errTo;
        this.out = out;
        this.err = err;
    }

    /**
     * The runner for this process's own standard streams; each is masked as a terminal (held bytes
     * shown after a pause, for prompts) only when it is one, else as a pipe (held until the rest or the end).
     */
    public static ChildRunner forThisProcess() {
        return new ChildRunner(destination(TerminalDevice.STDOUT), destination(TerminalDevice.STDERR),
                new KeptOpen(new FileOutputStream(FileDescriptor.out)), new KeptOpen(new FileOutputStream(FileDescriptor.err)));
    }

    private static Destination destination(int fd) {
        return TerminalDevice.isTerminal(fd) ? Destination.TERMINAL : Destination.PIPE;
    }

    /**
     * Runs {@code argv} with {@code inherited} (credential variables removed) plus {@code values}' variables
     * as its environment and returns its exit code; unless {@code values} says masking is off, everything
     * it holds is concealed in what the program prints.
     *
     * @throws IOException when the program cannot be started
     */
    public int run(List<String> argv, Map<String, String> inherited, ChildValues values) throws IOException {
        System.out.flush();
        System.err.flush();
        Optional<OutputMask> mask = values.mask();
        try {
            Optional<OutputMask> used = mask.filter(m -> !m.isEmpty());
            if (outTo == Destination.TERMINAL && PtyChild.available()) {
                return PtyChild.run(argv, inherited, values.variables(), used, out);
            }
            return PipeChild.run(argv, inherited, values.variables(), used, out, outTo, err, errTo);
        } finally {
            mask.ifPresent(OutputMask::wipe);
        }
    }

    /**
     * What starts the programs of a {@code run --watch}: each on a new pseudo-terminal when Keyward's stdout
     * is a terminal (Keyward's terminal then stays raw until the starter is closed), else on pipes.
     */
    public ProgramStarter starter() {
        if (outTo == Destination.TERMINAL && PtyChild.available()) {
            return PtyStarter.open(out);
        }
        return new ProgramStarter.OnPipes(this);
    }

    /**
     * Starts {@code argv} on pipes (never a pseudo-terminal) with {@code values}' variables, its output
     * through their mask unless masking is off; the caller closes the result once the program ended.
     *
     * @throws IOException when the program cannot be started
     */
    PipedProgram startOnPipes(List<String> argv, Map<String, String> inherited, ChildValues values) throws IOException {
        System.out.flush();
        System.err.flush();
        return PipedProgram.start(argv, inherited, values.variables(), values.mask(), out, outTo, err, errTo);
    }

    /** Waits for {@code child} to end, through interrupts, and returns its exit code. */
    static int exitCode(Process child) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    // On Unix a child killed by signal N is reported as 128 + N, which is what shells report.
                    return child.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One of Keyward's own streams: closing a masking filter on it must not close the stream itself. */
    private static final class KeptOpen extends OutputStream {
        private final OutputStream target;

        KeptOpen(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.flush();
        }
    }
}
