package dev.keyward.app.ui.tray;

/** What the tray icon shows at a glance. */
public enum TrayState {
    /** No secret data is shown; the password is needed. */
    LOCKED,
    /** A profile is open in the window. */
    UNLOCKED,
    /** Something waits for the user (a finding, a checkpoint). */
    NEEDS_ATTENTION
}
