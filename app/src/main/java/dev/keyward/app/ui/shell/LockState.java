package dev.keyward.app.ui.shell;

/** Which lock is in force; the window title and the tray always show it. */
public enum LockState {
    /** A profile is open and shown. */
    UNLOCKED,
    /** Secret data is hidden, but the session (and its keys) stays open for background jobs. */
    LOCKED,
    /** No session: keys wiped, nothing running. */
    STOPPED
}
