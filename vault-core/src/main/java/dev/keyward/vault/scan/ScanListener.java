package dev.keyward.vault.scan;

import java.nio.file.Path;

/**
 * Receives a scan's results as they come. A scan calls it from its worker threads but never from two
 * at once, so an implementation needs no locking of its own.
 */
public interface ScanListener {

    /** Something was found. */
    void found(Finding finding);

    /** A source was skipped, or not read whole. */
    void skipped(SkippedSource skipped);

    /** Progress so far: sources read and their bytes. */
    default void progress(long sources, long bytes) {
    }

    /** The walk entered {@code folder} (shown as a finding's path is), for a progress line that says where it is. */
    default void entered(String folder) {
    }

    /**
     * The walk came upon {@code file}, a regular file in a folder it walked, whether it reads it or not (a file
     * that {@code .gitignore} ignores, or one too large, too): for a caller that lists some files by name, such
     * as the {@code .env} files adopt takes, which are usually ignored. The path is absolute, below the root
     * as it was named (not where a link to it led).
     */
    default void cameUpon(Path file) {
    }
}
