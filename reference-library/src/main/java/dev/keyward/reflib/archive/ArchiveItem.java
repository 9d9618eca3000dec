package dev.keyward.reflib.archive;

import java.io.InputStream;

/**
 * One entry read from an archive.
 *
 * @param name         the entry name exactly as stored
 * @param kind         what it is
 * @param linkTarget   for links, the stored target; otherwise {@code null}
 * @param declaredSize the size the header claims, or -1 when unknown
 * @param content      the entry's bytes (files only), valid until the next entry is read
 */
record ArchiveItem(String name, ItemKind kind, String linkTarget, long declaredSize, InputStream content) {}
