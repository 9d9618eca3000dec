package dev.keyward.reflib;

import java.util.List;

/**
 * What a sync of one source did.
 *
 * @param sourceName     the source
 * @param commitSha      the commit now installed
 * @param downloaded     false when the pinned commit was already installed and nothing changed
 * @param resumed        true when the download continued a partial file with an HTTP range request
 * @param fileCount      regular files installed
 * @param totalSizeBytes their total size
 * @param checksum       SHA-256 hex of the archive
 * @param indexedChunks  full-text chunks written to the index
 * @param skipped        archive entries not extracted (links, special files), with reasons
 */
public record SyncReport(
        String sourceName,
        String commitSha,
        boolean downloaded,
        boolean resumed,
        long fileCount,
        long totalSizeBytes,
        String checksum,
        int indexedChunks,
        List<SkippedEntry> skipped) {

    public SyncReport {
        skipped = List.copyOf(skipped);
    }
}
