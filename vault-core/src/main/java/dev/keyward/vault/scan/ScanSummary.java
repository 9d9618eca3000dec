package dev.keyward.vault.scan;

/** What a scan covered: sources read and their bytes, findings and skipped sources, and whether it was cancelled. */
public record ScanSummary(long sourcesRead, long bytesRead, long findings, long skipped, long binarySkipped,
                          boolean cancelled) {
}
