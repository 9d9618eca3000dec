package dev.keyward.app.ui.shell;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Decides when the desktop rests: its window is closed to the tray and no profile is unlocked (the
 * phase is locked or stopped). Resting hands memory back ({@code giveBack}) twice: shortly after the
 * window closes, and once more a little later, when caches the renderer keeps behind soft references
 * have gone unused long enough for the collector to drop them (under the launcher's flags it keeps a
 * soft reference for about a second per MiB of heap that was free after the last collection). Opening the window or unlocking cancels
 * what has not run yet; the next close rests again. Free of JavaFX: the shell feeds it the window's
 * and the session's changes and a timer. Use on one thread (the JavaFX thread).
 */
final class TrayRest {

    /** Runs a task once after a delay, on the thread that uses the rest. */
    @FunctionalInterface
    interface Timer {
        /** Starts the delay; the returned handle stops it before the task runs. */
        Runnable after(Duration delay, Runnable task);
    }

    /** After the close (the window's buffers are gone by then), and when the renderer's soft caches may go. */
    static final List<Duration> PASSES = List.of(Duration.ofSeconds(2), Duration.ofSeconds(30));

    private final Timer timer;
    private final Runnable giveBack;
    private boolean shown = true;
    private SessionPhase phase = SessionPhase.STOPPED;
    /** Stops the pass waiting to run, or null when none waits. */
    private Runnable pending;
    /** How many passes this rest has run (none while awake). */
    private int passesRun;

    TrayRest(Timer timer, Runnable giveBack) {
        this.timer = Objects.requireNonNull(timer, "timer");
        this.giveBack = Objects.requireNonNull(giveBack, "giveBack");
    }

    /** The window was shown (true) or closed to the tray (false). */
    void windowShown(boolean nowShown) {
        shown = nowShown;
        reconsider();
    }

    /** The session's phase changed. */
    void phase(SessionPhase now) {
        phase = Objects.requireNonNull(now, "phase");
        reconsider();
    }

    /** Whether the app rests now: nothing unlocked is on screen or about to be. */
    boolean resting() {
        return !shown && (phase == SessionPhase.LOCKED || phase == SessionPhase.STOPPED);
    }

    private void reconsider() {
        if (!resting()) {
            wake();
        } else if (pending == null && passesRun < PASSES.size()) {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        Duration since = passesRun == 0 ? Duration.ZERO : PASSES.get(passesRun - 1);
        pending = timer.after(PASSES.get(passesRun).minus(since), () -> {
            pending = null;
            if (!resting()) {
                return;
            }
            passesRun++;
            giveBack.run();
            if (passesRun < PASSES.size()) {
                scheduleNext();
            }
        });
    }

    private void wake() {
        if (pending != null) {
            pending.run();
            pending = null;
        }
        passesRun = 0;
    }
}
