package dev.keyward.reflib;

/**
 * An archive entry that was deliberately not extracted, with the reason.
 *
 * @param path   the entry's path inside the archive
 * @param reason why it was not written, e.g. "symbolic link not created"
 */
public record SkippedEntry(String path, String reason) {}
