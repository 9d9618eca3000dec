package dev.keyward.app.agent.client;

import dev.keyward.app.child.ChildRunner;
import dev.keyward.app.child.ChildValues;
import dev.keyward.app.child.ProgramStarter;
import dev.keyward.app.child.StartedProgram;
import dev.keyward.app.cli.SignalForwarding;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * {@code keyward run --watch}: runs the program, looks about once a second whether a value it was
 * given changed (by the variables' stamps: which version of which secret each came from, never the
 * values), and then restarts it with the new values: SIGTERM, the grace period, SIGKILL. Restarts and
 * their reasons (variable names only) go to stderr. When a variable's secret is gone (deleted, or
 * unlinked) the program is stopped the same way and the run ends with exit code 4; when the program
 * ends by itself, its exit code ends the run. Each program runs on a new pseudo-terminal when Keyward's
 * stdout is a terminal (Keyward's terminal raw for the whole watch), else on pipes, with its output
 * through a mask of everything its {@link ChildValues} hold (as any {@code run}, unless masking is off),
 * drained and wiped when it ends. Used by the direct path and by the agent's client alike (JDK-only unless on a terminal, so the
 * client's fast path stays light).
 */
public final class WatchLoop {

    /** The exit code of a run stopped because a secret it used is gone (as "not found" elsewhere). */
    public static final int GONE = 4;

    private final List<String> commandLine;
    private final Map<String, String> inherited;
    private final Duration grace;
    private final Duration poll;
    private final PrintStream err;
    private final ChildRunner runner = ChildRunner.forThisProcess();
    private String newline = "\n";

    /**
     * What the next program gets (its variables and what is masked in its output, so a restart masks as the
     * first start does), with the variables' stamps (variable name to stamp).
     */
    public record Delivery(ChildValues values, Map<String, String> stamps) {
        public Delivery {
            Objects.requireNonNull(values, "values");
            stamps = Map.copyOf(stamps);
        }
    }

    /** Where the values and stamps come from: the unlocked vault in this process, or the agent. */
    public interface Source {
        /** The current values and stamps. */
        Delivery deliver() throws Stop;

        /** The current stamps only (cheap: no value is read); a variable that points nowhere has {@code "-"} or is absent. */
        Map<String, String> stamps() throws Stop;
    }

    /**
     * The source cannot go on; its sentence was already printed. {@code keepProgram}: let the running
     * program go on unwatched (its exit code ends the run) rather than stopping it with {@code code}.
     */
    public static final class Stop extends Exception {
        private final int code;
        private final boolean keepProgram;

        public Stop(int code, boolean keepProgram) {
            super(null, null, false, false);
            this.code = code;
            this.keepProgram = keepProgram;
        }
    }

    /**
     * @param inherited the environment the program starts from; credential variables are removed
     * @param grace     how long a program has after SIGTERM before SIGKILL
     */
    public WatchLoop(List<String> commandLine, Map<String, String> inherited, Duration grace, Duration poll,
                     PrintStream err) {
        this.commandLine = List.copyOf(commandLine);
        this.inherited = Objects.requireNonNull(inherited);
        this.grace = grace;
        this.poll = poll;
        this.err = err;
    }

    /** Runs the program with {@code first}, restarting it on changes; returns the exit code of the run. */
    public int run(Delivery first, Source source) {
        // One starter for the whole watch: on a terminal it keeps Keyward's terminal raw across restarts
        // and gives it back however the watch ends.
        try (ProgramStarter starter = runner.starter()) {
            newline = starter.newline();
            return watch(starter, first, source);
        }
    }

    private int watch(ProgramStarter starter, Delivery first, Source source) {
        Delivery current = first;
        while (true) {
            StartedProgram started;
            try {
                err.flush();
                started = starter.start(commandLine, inherited, current.values());
            } catch (IOException e) {
                say("keyward: Could not start '" + commandLine.get(0) + "': check that it exists and is"
                        + " executable (or use --shell for shell syntax).");
                return 1;
            }
            // Closing drains the old program's output and wipes its mask before the next one starts.
            try (started) {
                Process program = started.process();
                SignalForwarding.forwardTo(program);
                Delivery next = null;
                while (next == null) {
                    if (waitFor(program, poll)) {
                        return program.exitValue();
                    }
                    Map<String, String> now;
                    try {
                        now = source.stamps();
                    } catch (Stop stop) {
                        return stopped(program, stop);
                    }
                    List<String> gone = new ArrayList<>();
                    TreeSet<String> changed = new TreeSet<>();
                    for (Map.Entry<String, String> given : new java.util.TreeMap<>(current.stamps()).entrySet()) {
                        String later = now.getOrDefault(given.getKey(), "-");
                        if ("-".equals(later)) {
                            gone.add(given.getKey());
                        } else if (!later.equals(given.getValue())) {
                            changed.add(given.getKey());
                        }
                    }
                    for (String name : now.keySet()) {
                        if (!current.stamps().containsKey(name) && !"-".equals(now.get(name))) {
                            changed.add(name); // a variable added to the project
                        }
                    }
                    if (!gone.isEmpty()) {
                        say("keyward: the secret of " + String.join(", ", gone) + " was deleted or unlinked;"
                                + " stopping the program (it would run on without it after a restart).");
                        terminate(program);
                        return GONE;
                    }
                    if (changed.isEmpty()) {
                        continue;
                    }
                    try {
                        next = source.deliver();
                    } catch (Stop stop) {
                        return stopped(program, stop);
                    }
                    say("keyward: " + String.join(", ", changed) + " changed"
                            + "; restarting the program (SIGTERM, then SIGKILL after " + grace.toSeconds() + "s).");
                    terminate(program);
                }
                current = next;
            }
        }
    }

    private int stopped(Process program, Stop stop) {
        if (stop.keepProgram) {
            say("keyward: the program keeps running with its old values and is no longer watched.");
            while (true) {
                if (waitFor(program, Duration.ofDays(1))) {
                    return program.exitValue();
                }
            }
        }
        terminate(program);
        return stop.code;
    }

    /** One line on stderr, ended as Keyward's terminal needs it (a raw terminal does not add the carriage return). */
    private void say(String line) {
        err.print(line + newline);
        err.flush();
    }

    /** SIGTERM, the grace period, then SIGKILL. */
    private void terminate(Process program) {
        program.destroy();
        if (!waitFor(program, grace)) {
            program.destroyForcibly();
            waitFor(program, Duration.ofDays(1));
        }
    }

    /** Whether the program ended within {@code wait}; an interrupt is kept for later. */
    private static boolean waitFor(Process program, Duration wait) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return program.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
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
}
