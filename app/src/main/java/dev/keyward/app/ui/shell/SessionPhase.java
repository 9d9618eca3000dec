package dev.keyward.app.ui.shell;

/**
 * Where the desktop's session is in its life. {@link #LOCKED} is "locked with jobs" (the keys stay
 * in memory for background work); {@link #STOPPED} is "locked" with nothing open; {@link #CLOSED}
 * is the app stopped for good.
 */
public enum SessionPhase {
    /** No session: keys wiped, nothing running; the unlock (or create) screen shows. */
    STOPPED,
    /** A session was handed over and its settings and jobs are being loaded. */
    UNLOCKING,
    /** A profile is open and shown. */
    UNLOCKED,
    /** Secret data is hidden, but the session (and its keys) stays open for background jobs. */
    LOCKED,
    /** The jobs and the session are being closed; nothing is shown and nothing new starts on them. */
    STOPPING,
    /** The app quit: no transition leaves this phase. */
    CLOSED;

    /** Whether the lifecycle may go from this phase to {@code next}. */
    boolean mayBecome(SessionPhase next) {
        return switch (this) {
            case STOPPED -> next == UNLOCKING || next == CLOSED;
            case UNLOCKING -> next == UNLOCKED || next == STOPPING;
            // Adopting the shown session again re-reads its settings (after they changed underneath).
            case UNLOCKED -> next == LOCKED || next == STOPPING || next == UNLOCKING;
            case LOCKED -> next == UNLOCKING || next == STOPPING;
            // A new unlock may begin while the old session still closes on a worker thread.
            case STOPPING -> next == STOPPED || next == UNLOCKING || next == CLOSED;
            case CLOSED -> false;
        };
    }
}
