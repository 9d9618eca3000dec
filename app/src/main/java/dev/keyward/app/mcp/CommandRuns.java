package dev.keyward.app.mcp;

import dev.keyward.app.child.ChildValues;
import dev.keyward.app.child.MaskingOutputStream;
import dev.keyward.app.child.OutputMask;
import dev.keyward.vault.process.ChildEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code run_command}'s programs for {@code keyward mcp}: in the folder asked for, stdin empty, the
 * MCP process's environment without Keyward's credential variables plus the project's variables; each
 * output stream passes through the masking filter before anything keeps it, is kept up to
 * {@link #MAX_OUTPUT_BYTES} (the rest is read and dropped, so the program never blocks on a full pipe),
 * and the whole process tree is killed when the time limit passes or the MCP server stops.
 */
final class CommandRuns implements AutoCloseable {

    /** Most output kept per stream (stdout, stderr), after masking. */
    static final int MAX_OUTPUT_BYTES = 1 << 20;
    /** The time limit when the agent names none. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** The longest time limit an agent may ask for. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    /** How long output may still arrive after the program ended (a background child holding the pipe). */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final Map<String, String> environment;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param environment the MCP process's environment; credential variables are removed before a child sees it */
    CommandRuns(Map<String, String> environment) {
        this.environment = ChildEnvironment.of(environment);
    }

    /** How one run ended: its exit code (128 + N for signal N) and its masked, bounded output. */
    record Outcome(int exitCode, Output stdout, Output stderr, boolean timedOut) {
    }

    /** One stream's kept output, and whether more was written than kept. */
    record Output(String text, boolean truncated) {
    }

    /**
     * Runs {@code argv} in {@code folder} with {@code values}' variables added, within {@code timeout}; each
     * stream goes through the mask of {@code values} (a collected result, never a terminal: a value's
     * beginning waits for its rest) before it is kept, and the mask is wiped at the end.
     *
     * @throws IOException when the program cannot be started (no such folder, no shell)
     */
    Outcome run(List<String> argv, Path folder, ChildValues values, Duration timeout)
            throws IOException, InterruptedException {
        if (closed) {
            throw new IOException("the MCP server is stopping");
        }
        Optional<OutputMask> mask = values.mask();
        try {
            return run(argv, folder, values.variables(), timeout, mask.filter(m -> !m.isEmpty()));
        } finally {
            mask.ifPresent(OutputMask::wipe);
        }
    }

    private Outcome run(List<String> argv, Path folder, Map<String, String> variables, Duration timeout,
                        Optional<OutputMask> mask) throws IOException, InterruptedException {
        // Built where every launch is (the source check); the environment is replaced below anyway.
        ProcessBuilder builder = ChildEnvironment.processBuilder(argv).directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(variables);
        Process child;
        try {
            child = builder.start();
        } finally {
            builder.environment().clear();
        }
        running.add(child);
        try {
            BoundedBuffer out = new BoundedBuffer(MAX_OUTPUT_BYTES);
            BoundedBuffer err = new BoundedBuffer(MAX_OUTPUT_BYTES);
            Thread outPump = pump(child.getInputStream(), masked(out, mask), "keyward-mcp-stdout");
            Thread errPump = pump(child.getErrorStream(), masked(err, mask), "keyward-mcp-stderr");
            boolean timedOut = !child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (timedOut) {
                killTree(child);
                child.waitFor();
            }
            drain(child, outPump, errPump);
            return new Outcome(child.exitValue(), out.output(), err.output(), timedOut);
        } finally {
            running.remove(child);
            if (child.isAlive()) {
                killTree(child); // interrupted while waiting: the MCP server is going away
            }
        }
    }

    private static OutputStream masked(OutputStream kept, Optional<OutputMask> mask) {
        return mask.<OutputStream>map(m -> m.wrap(kept, MaskingOutputStream.Destination.PIPE)).orElse(kept);
    }

    /** Waits for the pumps; a grandchild that still holds a pipe after {@link #DRAIN} has its pipe closed. */
    private static void drain(Process child, Thread... pumps) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (Thread pump : pumps) {
            pump.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        if (pumps[0].isAlive() || pumps[1].isAlive()) {
            closeQuietly(child.getInputStream());
            closeQuietly(child.getErrorStream());
            for (Thread pump : pumps) {
                pump.join();
            }
        }
    }

    private static Thread pump(InputStream from, OutputStream to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (to) {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // The pipe was closed under the reader (see drain): what was read so far is kept.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Kills the program and every process it started that is still its descendant, children first. */
    static void killTree(Process child) {
        child.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Closing is all that was wanted.
        }
    }

    /** Kills every program still running: the MCP client went away. */
    @Override
    public void close() {
        closed = true;
        running.forEach(CommandRuns::killTree);
    }

    /** Keeps the first {@code limit} bytes written to it and counts the rest. */
    private static final class BoundedBuffer extends OutputStream {
        private final byte[] kept;
        private int size;
        private boolean truncated;

        BoundedBuffer(int limit) {
            this.kept = new byte[limit];
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int take = Math.min(length, kept.length - size);
            System.arraycopy(bytes, offset, kept, size, take);
            size += take;
            truncated |= take < length;
        }

        synchronized Output output() {
            return new Output(new String(kept, 0, size, StandardCharsets.UTF_8), truncated);
        }
    }
}
