package dev.keyward.app.child;

import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.process.SystemPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keyward's own terminal in raw mode while a child runs on a pseudo-terminal: every key (Ctrl-C
 * included) goes to the child's terminal, which echoes and interprets it. {@link #close} puts the
 * saved settings back; a shutdown hook does so too if the JVM ends another way.
 */
final class RawMode implements AutoCloseable {

    private final Path stty;
    private final String saved;
    private final Thread restoreAtExit;
    private boolean restored;

    private RawMode(Path stty, String saved) {
        this.stty = stty;
        this.saved = saved;
        this.restoreAtExit = new Thread(this::restore, "keyward-terminal-restore");
    }

    /** Raw mode on standard input's terminal, or empty when stdin is not a terminal or stty is missing. */
    static Optional<RawMode> enter() {
        if (!TerminalDevice.isTerminal(TerminalDevice.STDIN)) {
            return Optional.empty();
        }
        Optional<Path> stty = SystemPrograms.find(List.of(Path.of("/bin/stty"), Path.of("/usr/bin/stty")));
        if (stty.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> saved = stty(stty.get(), "-g");
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        RawMode mode = new RawMode(stty.get(), saved.get().strip());
        Runtime.getRuntime().addShutdownHook(mode.restoreAtExit);
        if (stty(stty.get(), "raw", "-echo").isEmpty()) {
            mode.close();
            return Optional.empty();
        }
        return Optional.of(mode);
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreAtExit);
        } catch (IllegalStateException e) {
            // The JVM is shutting down; the hook restores (or has restored) the settings.
        }
    }

    private synchronized void restore() {
        if (!restored) {
            restored = true;
            // Restore even on an interrupted thread (Ctrl-C's path): a terminal left raw is unusable.
            boolean interrupted = Thread.interrupted();
            stty(stty, saved);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs stty on standard input's terminal; its output when it succeeded. */
    private static Optional<String> stty(Path program, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = ChildEnvironment.processBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
