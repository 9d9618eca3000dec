package dev.keyward.reflib.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Streams the entries of a gzip-compressed tar file. */
final class TarGzReader implements ArchiveReader {

    private final TarArchiveInputStream tar;

    TarGzReader(Path archive) throws IOException {
        InputStream file = new BufferedInputStream(Files.newInputStream(archive), 64 * 1024);
        try {
            this.tar = new TarArchiveInputStream(new GzipCompressorInputStream(file));
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public ArchiveItem next() throws IOException {
        TarArchiveEntry entry = tar.getNextEntry();
        if (entry == null) {
            return null;
        }
        return new ArchiveItem(entry.getName(), kindOf(entry), entry.getLinkName(), entry.getSize(), tar);
    }

    private static ItemKind kindOf(TarArchiveEntry entry) {
        if (entry.isGlobalPaxHeader() || entry.isPaxHeader()) {
            return ItemKind.METADATA;
        }
        if (entry.isSymbolicLink()) {
            return ItemKind.SYMLINK;
        }
        if (entry.isLink()) {
            return ItemKind.HARDLINK;
        }
        if (entry.isDirectory()) {
            return ItemKind.DIRECTORY;
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            return ItemKind.SPECIAL;
        }
        return entry.isFile() ? ItemKind.FILE : ItemKind.SPECIAL;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
