package dev.keyward.reflib.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Reads the entries of a zip file through its central directory. */
final class ZipReader implements ArchiveReader {

    /** Signals an entry we cannot decode (encryption, unusual compression method). */
    static final class UnsupportedEntryException extends IOException {
        UnsupportedEntryException(String entryName) {
            super("unsupported zip entry " + entryName);
        }
    }

    static final int MAX_LINK_TARGET = 4096;

    private final ZipFile zip;
    private final Enumeration<ZipArchiveEntry> entries;
    private InputStream open;

    ZipReader(Path archive) throws IOException {
        this.zip = ZipFile.builder().setPath(archive).get();
        this.entries = zip.getEntriesInPhysicalOrder();
    }

    @Override
    public ArchiveItem next() throws IOException {
        closeOpenEntry();
        if (!entries.hasMoreElements()) {
            return null;
        }
        ZipArchiveEntry entry = entries.nextElement();
        if (entry.isUnixSymlink()) {
            return new ArchiveItem(entry.getName(), ItemKind.SYMLINK, linkTarget(entry), entry.getSize(), null);
        }
        if (entry.isDirectory()) {
            return new ArchiveItem(entry.getName(), ItemKind.DIRECTORY, null, 0, null);
        }
        if (!zip.canReadEntryData(entry)) {
            throw new UnsupportedEntryException(entry.getName());
        }
        open = zip.getInputStream(entry);
        return new ArchiveItem(entry.getName(), ItemKind.FILE, null, entry.getSize(), open);
    }

    /** Reads a link target with a bound, so a huge "link" entry cannot exhaust memory. */
    private String linkTarget(ZipArchiveEntry entry) throws IOException {
        if (!zip.canReadEntryData(entry)) {
            throw new UnsupportedEntryException(entry.getName());
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] target = in.readNBytes(MAX_LINK_TARGET + 1);
            // One byte too many is kept so the extractor sees an over-long target and refuses it.
            return new String(target, StandardCharsets.UTF_8);
        }
    }

    private void closeOpenEntry() throws IOException {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeOpenEntry();
        } finally {
            zip.close();
        }
    }
}
