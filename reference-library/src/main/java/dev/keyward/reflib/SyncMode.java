package dev.keyward.reflib;

/** Whether a sync may skip a source whose pinned commit is already installed. */
public enum SyncMode {
    /** Download only when the pinned commit is not installed or its folder looks incomplete. */
    IF_OUTDATED,
    /** Download and replace even when the pinned commit is installed (repairs a changed copy). */
    ALWAYS
}
