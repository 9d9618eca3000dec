package dev.keyward.reflib;

/** How an installed copy relates to the pinned commit. */
public enum SourceState {
    /** Registered but never synced. */
    NOT_DOWNLOADED,
    /** The pinned commit is installed. */
    CURRENT,
    /** Another commit is installed; a sync will replace it. */
    OUTDATED
}
