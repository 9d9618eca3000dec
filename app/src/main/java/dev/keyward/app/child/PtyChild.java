package dev.keyward.app.child;

import com.pty4j.PtyProcess;
import com.pty4j.WinSize;
import com.pty4j.unix.Pty;
import com.pty4j.unix.UnixPtyProcess;
import dev.keyward.app.child.MaskingOutputStream.Destination;
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
    static final WinSize FALLBACK_SIZE = new WinSize(80, 24);

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
        Optional<RawMode> raw = RawMode.enter();
        try {
            PtyProcess child = start(argv, environment, size);
            SignalForwarding.forwardTo(child);
            try (WindowSizeForwarding ignored = WindowSizeForwarding.to(child)) {
                startInput(child, raw.isPresent());
                // The pseudo-terminal path runs only when Keyward's stdout is a terminal: a prompt must show.
                OutputStream shown = mask.<OutputStream>map(m -> m.wrap(out, Destination.TERMINAL)).orElse(out);
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

    /**
     * Starts the child on a new pseudo-terminal whose window size is set before the child runs (pty4j's
     * builder sets it after the fork, so a quick child could read 0 x 0).
     */
    static PtyProcess start(List<String> argv, Map<String, String> environment, WinSize size) throws IOException {
        if (!executable(argv.get(0), environment.getOrDefault("PATH", ""))) {
            // Checked here: pty4j's native launcher would print its own line on Keyward's stderr first.
            throw new IOException("no such program");
        }
        String[] envp = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        environment.clear();
        try {
            Pty pty = new Pty();
            try {
                pty.setWindowSize(size, null);
            } catch (IOException e) {
                // Some systems refuse it before a process opened the terminal: the child starts at 0 x 0
                // and gets its size (and SIGWINCH) from the first change.
            }
            return new UnixPtyProcess(argv.toArray(String[]::new), envp, System.getProperty("user.dir"), pty, null, false);
        } finally {
            java.util.Arrays.fill(envp, null);
        }
    }

    /** Whether {@code program} names an executable file, as a path or found through {@code path} as execvp would. */
    static boolean executable(String program, String path) {
        if (program.contains("/")) {
            return java.nio.file.Files.isExecutable(java.nio.file.Path.of(System.getProperty("user.dir")).resolve(program));
        }
        for (String folder : path.split(":", -1)) {
            java.nio.file.Path candidate = java.nio.file.Path.of(folder.isEmpty() ? "." : folder).resolve(program);
            if (java.nio.file.Files.isRegularFile(candidate) && java.nio.file.Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
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
