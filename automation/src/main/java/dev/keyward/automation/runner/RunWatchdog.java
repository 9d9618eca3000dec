package dev.keyward.automation.runner;

import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.error.AutomationErrorKind;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a run whose page holds it. Playwright waits without end for an {@code evaluate} (and for other calls that
 * need the page's main thread) while a page spins ({@code while (true) {}} in a click handler, a timer, an observer,
 * {@code beforeunload}). Each phase of a run is armed with a limit; when one runs over, a thread of the watchdog's
 * own kills the run's browser ({@link LaunchedBrowser#kill()}), the stuck call returns with an error, and the run
 * stops with {@link AutomationErrorKind#PAGE_STOPPED_RESPONDING}. The flood rules ({@link PageTraps}) stop a run the
 * same way. Time spent waiting for a person (a checkpoint, a payment handoff) does not count.
 */
final class RunWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunWatchdog.class);

    /**
     * The limit of one attempt at a step: its element lookup and its action each wait at most the step's timeout
     * (Playwright's own), a failure's screenshot as long again, and 5 seconds cover the inspection calls around them
     * on a loaded machine. Past that, a call is waiting for a page that no longer answers.
     */
    static Duration attemptLimit(int stepTimeoutMs) {
        return Duration.ofMillis(3L * stepTimeoutMs + 5_000);
    }

    private final LaunchedBrowser browser;
    private final Object lock = new Object();
    private final Thread thread;
    /** {@link System#nanoTime()} when the armed phase runs over; meaningful while {@link #armed}. */
    private long deadline;
    private boolean armed;
    private long limitSeconds;
    private String stepId = "";
    /** How many person waits are under way; the clock stands still while there is one. */
    private int personWaits;
    private long remainingAtPause;
    private boolean closed;
    private volatile PageStop stop;

    RunWatchdog(LaunchedBrowser browser) {
        this.browser = browser;
        this.thread = Thread.ofPlatform().daemon().name("keyward-run-watchdog").start(this::watch);
    }

    /** The phase of step {@code id} starts now and may last {@code limit}. */
    void arm(String id, Duration limit) {
        synchronized (lock) {
            stepId = id;
            limitSeconds = Math.max(1, limit.toSeconds());
            deadline = System.nanoTime() + limit.toNanos();
            remainingAtPause = limit.toNanos();
            armed = true;
            lock.notifyAll();
        }
    }

    /** The phase ended in time. */
    void disarm() {
        synchronized (lock) {
            armed = false;
            lock.notifyAll();
        }
    }

    /** The step the current (or last) phase belongs to. */
    String stepId() {
        synchronized (lock) {
            return stepId;
        }
    }

    /** Runs {@code wait} (a person deciding or acting) with the clock stopped; the phase's time left is kept. */
    <T> T whileAPersonActs(Supplier<T> wait) {
        synchronized (lock) {
            if (personWaits++ == 0) {
                remainingAtPause = Math.max(0, deadline - System.nanoTime());
            }
        }
        try {
            return wait.get();
        } finally {
            synchronized (lock) {
                if (--personWaits == 0) {
                    deadline = System.nanoTime() + remainingAtPause;
                }
                lock.notifyAll();
            }
        }
    }

    /**
     * Stops the run for {@code kind} at the current step: the browser is killed at once, so nothing the page does
     * next reaches anything. The first reason is the one kept.
     */
    void stop(AutomationErrorKind kind, long count) {
        synchronized (lock) {
            if (stop != null) {
                return;
            }
            stop = new PageStop(kind, stepId, count);
        }
        LOG.warn("automation run stopped: {} at step '{}'; the browser is closed", kind.name(), stop.stepId());
        if (!browser.kill()) {
            LOG.warn("the browser's process is not known, so it could not be ended from here");
        }
    }

    /** Why the run was stopped, or null while it was not. */
    PageStop stopped() {
        return stop;
    }

    private void watch() {
        while (true) {
            long seconds;
            synchronized (lock) {
                try {
                    while (true) {
                        if (closed) {
                            return;
                        }
                        if (!armed || personWaits > 0 || stop != null) {
                            lock.wait();
                            continue;
                        }
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        lock.wait(Math.max(1, left / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                armed = false;
                seconds = limitSeconds;
            }
            // Outside the lock: arm() and disarm() never wait for the kill.
            stop(AutomationErrorKind.PAGE_STOPPED_RESPONDING, seconds);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        thread.interrupt();
    }
}
