package dev.keyward.reflib.archive;

import java.io.Closeable;
import java.io.IOException;

/** Reads the entries of one archive in order. */
interface ArchiveReader extends Closeable {

    /** The next entry, or {@code null} at the end; reading it invalidates the previous entry's content. */
    ArchiveItem next() throws IOException;
}
