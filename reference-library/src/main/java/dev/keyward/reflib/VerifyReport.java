package dev.keyward.reflib;

import java.util.List;

/**
 * The integrity check of one installed source against its manifest row and file hashes.
 *
 * @param sourceName        the source
 * @param status            the verdict: missing wins over changed
 * @param expectedFileCount file_count from the manifest
 * @param actualFileCount   regular files found now
 * @param expectedBytes     total_size_bytes from the manifest
 * @param actualBytes       their size now
 * @param missingPaths      recorded files that are gone
 * @param changedPaths      recorded files whose SHA-256 differs
 * @param unexpectedPaths   files (or links) that were not installed by a sync
 */
public record VerifyReport(
        String sourceName,
        VerifyStatus status,
        long expectedFileCount,
        long actualFileCount,
        long expectedBytes,
        long actualBytes,
        List<String> missingPaths,
        List<String> changedPaths,
        List<String> unexpectedPaths) {

    public VerifyReport {
        missingPaths = List.copyOf(missingPaths);
        changedPaths = List.copyOf(changedPaths);
        unexpectedPaths = List.copyOf(unexpectedPaths);
    }
}
