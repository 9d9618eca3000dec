package dev.keyward.app.ui.shell;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The desktop session's state machine, free of JavaFX: which phase is in force, the session and
 * the background jobs it holds, and guarded transitions between phases. A transition that is not
 * legal from the current phase is refused (the method says so) and changes nothing, so a late
 * callback (jobs that finished starting after the user locked and stopped) cannot revive a closed
 * session. Observers hear every phase change; they run on the thread that made it.
 *
 * @param <S> the session type (a {@code VaultSession} in the app)
 * @param <J> the background jobs' type
 */
public final class SessionLifecycle<S, J> {

    /** What {@link #stop()} took out of the lifecycle for the caller to close: jobs first, then the session. */
    public record Closing<S, J>(S session, J jobs) {

        /** Whether there is anything to close. */
        public boolean isEmpty() {
            return session == null && jobs == null;
        }
    }

    private final List<Consumer<SessionPhase>> observers = new CopyOnWriteArrayList<>();
    private volatile SessionPhase phase = SessionPhase.STOPPED;
    private volatile S session;
    private volatile J jobs;
    /** What the window shows while unlocking: the lock in force before it, until the session is shown. */
    private volatile LockState shownWhileUnlocking = LockState.STOPPED;

    /** Adds an observer of phase changes. */
    public void observe(Consumer<SessionPhase> observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    public SessionPhase phase() {
        return phase;
    }

    /** The open session (also while unlocking and locked), or null. */
    public S session() {
        return session;
    }

    /** The session's running background jobs (kept while locked), or null. */
    public J jobs() {
        return jobs;
    }

    /** The lock the window title and tray show for the current phase. */
    public LockState lockState() {
        return switch (phase) {
            case UNLOCKED -> LockState.UNLOCKED;
            case LOCKED -> LockState.LOCKED;
            // Unlocking a kept session stays "locked, jobs continue" until the window is shown.
            case UNLOCKING -> shownWhileUnlocking;
            case STOPPED, STOPPING, CLOSED -> LockState.STOPPED;
        };
    }

    /** The session kept open while locked (the only one an unlock may hand back), or null. */
    public synchronized S keptSession() {
        return phase == SessionPhase.LOCKED ? session : null;
    }

    /**
     * Takes over {@code unlocked} (STOPPED, LOCKED or STOPPING to UNLOCKING; UNLOCKED only for the
     * session already shown, whose settings are read again). Jobs kept while locked or unlocked stay
     * for the caller to reuse when they belong to this session.
     */
    public boolean beginUnlock(S unlocked) {
        Objects.requireNonNull(unlocked, "unlocked");
        synchronized (this) {
            if (!phase.mayBecome(SessionPhase.UNLOCKING)
                    || (phase == SessionPhase.UNLOCKED && session != unlocked)) {
                return false;
            }
            if (phase != SessionPhase.LOCKED && phase != SessionPhase.UNLOCKED) {
                jobs = null;
            }
            shownWhileUnlocking = lockState();
            session = unlocked;
            phase = SessionPhase.UNLOCKING;
        }
        announce(SessionPhase.UNLOCKING);
        return true;
    }

    /**
     * The session's settings and jobs are ready (UNLOCKING to UNLOCKED). Refused when {@code unlocked}
     * is no longer the session being unlocked (it was stopped meanwhile): the caller closes {@code running}.
     */
    public boolean finishUnlock(S unlocked, J running) {
        synchronized (this) {
            if (phase != SessionPhase.UNLOCKING || session != unlocked) {
                return false;
            }
            jobs = running;
            phase = SessionPhase.UNLOCKED;
        }
        announce(SessionPhase.UNLOCKED);
        return true;
    }

    /** Hides the session but keeps it and its jobs (UNLOCKED to LOCKED). */
    public boolean lock() {
        return move(SessionPhase.UNLOCKED, SessionPhase.LOCKED);
    }

    /**
     * Takes the session and jobs out for closing (UNLOCKING, UNLOCKED or LOCKED to STOPPING). From
     * STOPPED or STOPPING there is nothing to take and nothing changes.
     */
    public Closing<S, J> stop() {
        Closing<S, J> closing;
        synchronized (this) {
            if (!phase.mayBecome(SessionPhase.STOPPING)) {
                return new Closing<>(null, null);
            }
            closing = new Closing<>(session, jobs);
            session = null;
            jobs = null;
            phase = SessionPhase.STOPPING;
        }
        announce(SessionPhase.STOPPING);
        return closing;
    }

    /** The closing finished (STOPPING to STOPPED); refused when an unlock began meanwhile. */
    public boolean stopped() {
        return move(SessionPhase.STOPPING, SessionPhase.STOPPED);
    }

    /** The app quits (STOPPED or STOPPING to CLOSED); refused while a session is open (stop it first). */
    public boolean close() {
        SessionPhase from = phase;
        return (from == SessionPhase.STOPPED || from == SessionPhase.STOPPING) && move(from, SessionPhase.CLOSED);
    }

    private boolean move(SessionPhase from, SessionPhase to) {
        synchronized (this) {
            if (phase != from || !from.mayBecome(to)) {
                return false;
            }
            phase = to;
        }
        announce(to);
        return true;
    }

    private void announce(SessionPhase now) {
        for (Consumer<SessionPhase> observer : observers) {
            observer.accept(now);
        }
    }
}
