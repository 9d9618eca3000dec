package dev.keyward.reflib;

/**
 * Caps that keep a hostile or accidental archive from filling the disk.
 *
 * @param maxArchiveBytes      largest archive download accepted
 * @param maxUncompressedBytes largest total size of the extracted files
 * @param maxEntries           most archive entries (files and folders) extracted
 */
public record ExtractionLimits(long maxArchiveBytes, long maxUncompressedBytes, int maxEntries) {

    private static final long MIB = 1024L * 1024L;

    /** 512 MiB download, 512 MiB extracted, 50,000 entries: far above the default sources. */
    public static final ExtractionLimits DEFAULTS = new ExtractionLimits(512 * MIB, 512 * MIB, 50_000);

    public ExtractionLimits {
        if (maxArchiveBytes <= 0 || maxUncompressedBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
    }
}
