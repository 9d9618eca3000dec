package dev.keyward.vault.scan.git;

import java.io.IOException;

/** What a walk of a repository hands its caller: each blob to scan, each problem met, and its progress. */
public interface GitScanListener {

    /**
     * One blob to scan, called once per distinct content. A read failure thrown from here is reported as a
     * {@link #problem} of this blob and the walk goes on.
     */
    void blob(GitBlob blob) throws IOException;

    /** An object that could not be read; the walk went on without it. */
    void problem(GitProblem problem);

    /**
     * How far the walk is: {@code done} commits of {@code total}; {@code total} is -1 while the commits
     * are still being counted.
     */
    default void progress(long done, long total) {
    }

    /** Whether the walk should stop now (checked between blobs); by default when the thread was interrupted. */
    default boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
