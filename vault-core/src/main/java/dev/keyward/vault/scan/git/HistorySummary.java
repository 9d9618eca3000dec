package dev.keyward.vault.scan.git;

/**
 * What a walk of a repository's history covered.
 *
 * @param commits   the commits whose trees were compared with their parents'
 * @param blobs     the distinct blobs handed on to be scanned
 * @param problems  the objects that could not be read (each reported on its own)
 * @param cancelled whether the walk stopped early because it was asked to
 */
public record HistorySummary(long commits, long blobs, long problems, boolean cancelled) {
}
