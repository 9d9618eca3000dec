package dev.keyward.reflib;

import java.time.Instant;

/**
 * One row of {@code reference_library_manifest}: an installed source (seed 002 section 3.10).
 *
 * @param id             text UUID
 * @param sourceName     unique source name
 * @param sourceUrl      repository URL
 * @param commitSha      installed commit
 * @param downloadedAt   when it was installed (stored as UTC ISO-8601)
 * @param localPath      folder relative to the reference_library folder
 * @param fileCount      regular files installed
 * @param totalSizeBytes their total size
 * @param checksum       SHA-256 hex of the downloaded archive
 */
public record ManifestEntry(
        String id,
        String sourceName,
        String sourceUrl,
        String commitSha,
        Instant downloadedAt,
        String localPath,
        long fileCount,
        long totalSizeBytes,
        String checksum) {}
