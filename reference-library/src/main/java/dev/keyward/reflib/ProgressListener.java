package dev.keyward.reflib;

/**
 * Receives progress of a sync; called on the syncing thread, so a UI must hop to its own thread.
 *
 * <p>Calls are coarse (every few hundred KiB or files), not per byte.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = progress -> { };

    void onProgress(SyncProgress progress);
}
