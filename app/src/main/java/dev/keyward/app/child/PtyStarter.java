package dev.keyward.app.child;

import com.pty4j.PtyProcess;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts each program of a watched run on a new pseudo-terminal, so every one of them sees a terminal:
 * Keyward's terminal stays in raw mode for the whole watch, and its input and window size changes go to
 * whichever program runs now. {@link #close} restores the terminal (a shutdown hook does too).
 */
final class PtyStarter implements ProgramStarter {

    /** What a terminal sends for Ctrl-D: ends a program's input when Keyward's stdin (not a terminal) ended. */
    private static final int END_OF_TRANSMISSION = 4;

    private final OutputStream out;
    private final Optional<RawMode> raw;
    private final WindowSizeForwarding windowSize;
    private volatile PtyProcess current;
    private volatile boolean inputEnded;

    private PtyStarter(OutputStream out, Optional<RawMode> raw) {
        this.out = out;
        this.raw = raw;
        this.windowSize = WindowSizeForwarding.toCurrent(() -> current);
    }

    /** Takes over Keyward's terminal (raw mode, input, window size) until closed. */
    static PtyStarter open(OutputStream out) {
        Optional<RawMode> raw = RawMode.enter();
        PtyStarter starter = new PtyStarter(out, raw);
        starter.startInput(raw.isPresent());
        return starter;
    }

    @Override
    public StartedProgram start(List<String> argv, Map<String, String> inherited, ChildValues values)
            throws IOException {
        System.out.flush();
        System.err.flush();
        Optional<OutputMask> mask = values.mask();
        PtyProcess child;
        try {
            Map<String, String> environment = dev.keyward.vault.process.ChildEnvironment.of(inherited);
            environment.putAll(values.variables());
            child = PtyChild.start(argv, environment, PtyChild.windowSize().orElse(PtyChild.FALLBACK_SIZE));
        } catch (IOException | RuntimeException e) {
            mask.ifPresent(OutputMask::wipe);
            throw e;
        }
        current = child;
        if (inputEnded) {
            endInput(child);
        }
        OutputStream shown = mask.filter(m -> !m.isEmpty()).<OutputStream>map(m -> m.wrap(out, MaskingOutputStream.Destination.TERMINAL)).orElse(out);
        return new PtyProgram(child, mask, shown, OutputPump.start("keyward-child-terminal", child.getInputStream(), shown));
    }

    @Override
    public String newline() {
        return raw.isPresent() ? "\r\n" : "\n";
    }

    @Override
    public void close() {
        current = null;
        windowSize.close();
        raw.ifPresent(RawMode::close);
    }

    /**
     * Copies Keyward's stdin to the current program's terminal on one daemon thread for the whole watch
     * (a thread per program would block in read after its program ended and take the next one's keys).
     */
    private void startInput(boolean fromTerminal) {
        Thread thread = new Thread(() -> {
            InputStream in = new FileInputStream(FileDescriptor.in);
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    PtyProcess to = current;
                    if (to != null) {
                        try {
                            to.getOutputStream().write(buffer, 0, n);
                            to.getOutputStream().flush();
                        } catch (IOException e) {
                            // That program's terminal closed (it ended or is being restarted): the keys are dropped.
                        }
                    }
                }
            } catch (IOException e) {
                // Keyward's stdin is gone.
            }
            if (!fromTerminal) {
                inputEnded = true;
                PtyProcess to = current;
                if (to != null) {
                    endInput(to);
                }
            }
        }, "keyward-child-input");
        thread.setDaemon(true);
        thread.start();
    }

    private static void endInput(PtyProcess child) {
        try {
            child.getOutputStream().write(END_OF_TRANSMISSION);
            child.getOutputStream().flush();
        } catch (IOException e) {
            // The program's terminal closed: it has ended.
        }
    }
}
