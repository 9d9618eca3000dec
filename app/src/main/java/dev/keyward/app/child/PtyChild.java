package dev.keyward.app.child;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.keyward.app.cli.SignalForwarding;
import dev.keyward.vault.process.ChildEnvironment;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The child on a pseudo-terminal (pty4j), so it still sees a terminal: its stdout and stderr (one
 * stream, as on any terminal) through the mask to Keyward's stdout, Keyward's stdin to it with
 * Keyward's terminal in raw mode, and window size changes passed on.
 */
final class PtyChild {

    /** What a terminal sends for Ctrl-D: ends the child's input when Keyward's stdin (not a terminal) ends. */
    private static final int END_OF_TRANSMISSION = 4;
    private static final WinSize FALLBACK_SIZE = new WinSize(80, 24);

    private PtyChild() {
    }

    /** Pseudo-terminals exist on Unix only (Windows' ConPTY is not used). */
    static boolean available() {
        return !System.getProperty("os.name", "").toLowerCase().contains("win");
    }

    static int run(List<String> argv, Map<String, String> inherited, Map<String, String> variables,
                   Optional<OutputMask> mask, OutputStream out) throws IOException {
        Map<String, String> environment = ChildEnvironment.of(inherited);
        environment.putAll(variables);
        WinSize size = windowSize().orElse(FALLBACK_SIZE);
        PtyProcessBuilder builder = new PtyProcessBuilder(argv.toArray(String[]::new))
                .setEnvironment(environment)
                .setDirectory(System.getProperty("user.dir"))
                .setInitialColumns(size.getColumns())
                .setInitialRows(size.getRows());
        Optional<RawMode> raw = RawMode.enter();
        try {
            PtyProcess child;
            try {
                child = builder.start();
            } finally {
                environment.clear();
            }
            SignalForwarding.forwardTo(child);
            try (WindowSizeForwarding ignored = WindowSizeForwarding.to(child)) {
                startInput(child, raw.isPresent());
                OutputStream shown = mask.<OutputStream>map(m -> m.wrap(out)).orElse(out);
                OutputPump pump = OutputPump.start("keyward-child-terminal", child.getInputStream(), shown);
                try {
                    return ChildRunner.exitCode(child);
                } finally {
                    pump.awaitEnd(ChildRunner.DRAIN_SECONDS);
                    if (shown instanceof MaskingOutputStream masking) {
                        PipeChild.closeQuietly(masking);
                    }
                }
            }
        } finally {
            raw.ifPresent(RawMode::close);
        }
    }

    static Optional<WinSize> windowSize() {
        return TerminalDevice.size(TerminalDevice.STDOUT).map(s -> new WinSize(s.columns(), s.rows()));
    }

    /** Copies Keyward's stdin to the child's terminal on a daemon thread (it may block in read after the child ends). */
    private static void startInput(PtyProcess child, boolean fromTerminal) {
        Thread thread = new Thread(() -> {
            InputStream in = new FileInputStream(FileDescriptor.in);
            OutputStream to = child.getOutputStream();
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
                if (!fromTerminal) {
                    to.write(END_OF_TRANSMISSION);
                    to.flush();
                }
            } catch (IOException e) {
                // The child's terminal closed: it has ended.
            }
        }, "keyward-child-input");
        thread.setDaemon(true);
        thread.start();
    }
}
