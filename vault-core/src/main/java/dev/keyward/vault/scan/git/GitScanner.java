package dev.keyward.vault.scan.git;

import dev.keyward.vault.scan.ContentScanner;
import dev.keyward.vault.scan.ScanListener;
import dev.keyward.vault.scan.ScanOptions;
import dev.keyward.vault.scan.ScanSource;
import dev.keyward.vault.scan.ScanSummary;
import dev.keyward.vault.scan.SkipReason;
import dev.keyward.vault.scan.SkippedSource;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.lib.Repository;

/**
 * Scans a repository's history ({@link HistoryWalk}) or its staged change ({@link StagedWalk}) with the
 * scan engine's {@link ContentScanner}: each blob streamed, blobs above the size limit skipped with a report
 * line, unreadable objects reported and passed over. Findings name the blob's path and, for history, the
 * commit that introduced it.
 */
public final class GitScanner {

    /** Progress of a history scan: commits done of the total (-1 while they are still being counted). */
    @FunctionalInterface
    public interface CommitProgress {
        void commits(long done, long total);
    }

    private final ContentScanner content;
    private final ScanOptions options;

    public GitScanner(ContentScanner content, ScanOptions options) {
        this.content = content;
        this.options = options;
    }

    /** Scans every blob of {@code repository}'s history once. */
    public ScanSummary history(Repository repository, ScanListener listener, CommitProgress progress,
                               BooleanSupplier cancelled) {
        Blobs blobs = new Blobs(listener, progress, cancelled);
        HistorySummary walked = HistoryWalk.walk(repository, blobs);
        return blobs.summary(walked.cancelled());
    }

    /** Scans the files staged in {@code repository}'s index. */
    public ScanSummary staged(Repository repository, ScanListener listener, BooleanSupplier cancelled) {
        Blobs blobs = new Blobs(listener, (done, total) -> { }, cancelled);
        StagedWalk.walk(repository, blobs);
        return blobs.summary(cancelled.getAsBoolean());
    }

    /** Feeds each blob of a walk to the content scanner and counts what came of it. */
    private final class Blobs implements GitScanListener {
        private final ScanListener listener;
        private final CommitProgress progress;
        private final BooleanSupplier cancelled;
        private long read;
        private long bytes;
        private long findings;
        private long skipped;
        private long binary;

        Blobs(ScanListener listener, CommitProgress progress, BooleanSupplier cancelled) {
            this.listener = listener;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        @Override
        public void blob(GitBlob blob) throws IOException {
            GitLocation where = blob.location();
            if (blob.size() > options.maxFileSize()) {
                skip(new SkippedSource(where.path(), where.commit(), SkipReason.TOO_LARGE));
                return;
            }
            ScanSource source = ScanSource.of(where.path(), where.commit(), blob.size(), blob::open);
            ContentScanner.Result result = content.scan(source, finding -> {
                findings++;
                listener.found(finding);
            }, cancelled);
            read++;
            bytes += result.bytesRead();
            if (result.binary()) {
                binary++;
            }
            listener.progress(read, bytes);
        }

        @Override
        public void problem(GitProblem problem) {
            SkipReason reason = switch (problem.what()) {
                case MISSING -> SkipReason.GIT_OBJECT_MISSING;
                case CORRUPT -> SkipReason.GIT_OBJECT_DAMAGED;
                case UNREADABLE -> SkipReason.UNREADABLE;
            };
            skip(new SkippedSource(problem.where() + " (object " + problem.object() + ")", Optional.empty(), reason));
        }

        private void skip(SkippedSource source) {
            skipped++;
            listener.skipped(source);
        }

        @Override
        public void progress(long done, long total) {
            progress.commits(done, total);
        }

        @Override
        public boolean cancelled() {
            return cancelled.getAsBoolean();
        }

        ScanSummary summary(boolean wasCancelled) {
            return new ScanSummary(read, bytes, findings, skipped, binary, wasCancelled);
        }
    }
}
