package dev.keyward.reflib.archive;

import dev.keyward.reflib.SkippedEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * What extraction produced.
 *
 * @param contentRoot the folder holding the source's files: the single top-level folder of a
 *                    GitHub archive when there is one, else the staging folder itself
 * @param skipped     entries deliberately not written, with reasons
 * @param entries     entries written (files and folders)
 * @param bytes       bytes written
 */
public record ExtractionResult(Path contentRoot, List<SkippedEntry> skipped, long entries, long bytes) {

    public ExtractionResult {
        skipped = List.copyOf(skipped);
    }
}
