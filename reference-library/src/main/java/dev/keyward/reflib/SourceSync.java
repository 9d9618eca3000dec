package dev.keyward.reflib;

import dev.keyward.reflib.archive.ExtractionResult;
import dev.keyward.reflib.archive.SafeExtractor;
import dev.keyward.reflib.download.ArchiveDownloader;
import dev.keyward.reflib.download.DownloadedArchive;
import dev.keyward.reflib.index.SourceScanner;
import dev.keyward.reflib.index.SourceTree;
import dev.keyward.reflib.store.ChunkIndex;
import dev.keyward.reflib.store.FileRecord;
import dev.keyward.reflib.store.FileRecordRepository;
import dev.keyward.reflib.store.ManifestDatabase;
import dev.keyward.reflib.store.ManifestRepository;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings one source to its pinned commit: download, check, extract into staging, hash and
 * index, then swap the folder in and commit the manifest together. Any failure before the
 * commit leaves the previous folder, manifest row and index untouched.
 */
final class SourceSync {

    private final LibraryFolder folder;
    private final ManifestDatabase database;
    private final ArchiveDownloader downloader;
    private final SafeExtractor extractor;
    private final URI archiveBase;
    private final Clock clock;

    SourceSync(LibraryFolder folder, ManifestDatabase database, ArchiveDownloader downloader,
            SafeExtractor extractor, URI archiveBase, Clock clock) {
        this.folder = folder;
        this.database = database;
        this.downloader = downloader;
        this.extractor = extractor;
        this.archiveBase = archiveBase;
        this.clock = clock;
    }

    /** {@code BASE/OWNER/REPO/archive/SHA.tar.gz}, GitHub's archive-by-commit form. */
    URI archiveUrl(ReferenceSource source) {
        String base = archiveBase.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + source.owner() + "/" + source.repository() + "/archive/"
                + source.commitSha() + source.format().extension());
    }

    /** Syncs one source; the caller holds the library lock. */
    SyncReport sync(ReferenceSource source, SyncMode mode, ProgressListener listener) {
        String name = source.name();
        Optional<ManifestEntry> installed = installedEntry(name);
        if (mode == SyncMode.IF_OUTDATED && installed.isPresent() && isIntactCurrent(source, installed.get())) {
            ManifestEntry entry = installed.get();
            return new SyncReport(name, entry.commitSha(), false, false, entry.fileCount(), entry.totalSizeBytes(),
                    entry.checksum(), indexedChunks(name), List.of());
        }
        Path part = folder.partFile(source);
        folder.deleteOtherDownloads(name, part);
        DownloadedArchive archive;
        try {
            archive = downloader.download(archiveUrl(source), part, name, listener);
        } catch (ReferenceArchiveException e) {
            LibraryFolder.deleteQuietly(part); // too large: resuming it would only grow further
            throw e;
        }
        if (source.expectedChecksum() != null && !source.expectedChecksum().equals(archive.sha256())) {
            LibraryFolder.deleteQuietly(part);
            throw new ReferenceDownloadException("The archive of " + name
                    + " does not match its expected SHA-256 checksum; it was discarded and the previous version was kept.");
        }
        Path staging;
        try {
            staging = folder.createStaging(name);
        } catch (IOException e) {
            throw new ReferenceStoreException("A work folder for " + name + " cannot be created in "
                    + folder.dir() + "; check free disk space and permissions.", e);
        }
        try {
            ExtractionResult extracted = extractor.extract(part, staging, name, listener);
            SyncReport report = install(source, archive, extracted, installed, listener);
            LibraryFolder.deleteQuietly(part);
            return report;
        } catch (ReferenceArchiveException e) {
            LibraryFolder.deleteQuietly(part); // a bad archive must not be resumed next time
            throw e;
        } finally {
            folder.deleteTreeQuietly(staging);
        }
    }

    private SyncReport install(ReferenceSource source, DownloadedArchive archive, ExtractionResult extracted,
            Optional<ManifestEntry> installed, ProgressListener listener) {
        String name = source.name();
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            try (ChunkIndex index = new ChunkIndex(connection);
                    FileRecordRepository files = new FileRecordRepository(connection)) {
                index.deleteSource(name);
                files.deleteSource(name);
                SourceScanner.Totals totals = SourceScanner.scan(extracted.contentRoot(), name, new SourceScanner.Sink() {
                    @Override
                    public void file(FileRecord record) throws SQLException {
                        files.add(name, record);
                    }

                    @Override
                    public void chunk(String path, int startLine, String text) throws SQLException {
                        index.add(name, path, startLine, text);
                    }
                }, listener);
                ManifestEntry entry = new ManifestEntry(
                        installed.map(ManifestEntry::id).orElseGet(() -> UUID.randomUUID().toString()),
                        name, source.repositoryUrl(), source.commitSha(), clock.instant(), name,
                        totals.fileCount(), totals.totalBytes(), archive.sha256());
                new ManifestRepository(connection).upsert(entry);
                FolderSwap swap = FolderSwap.swapIn(extracted.contentRoot(), folder.sourceDir(name), folder);
                try {
                    connection.commit();
                } catch (SQLException e) {
                    swap.undo();
                    throw e;
                }
                swap.discardRetired(folder);
                return new SyncReport(name, source.commitSha(), true, archive.resumed(), totals.fileCount(),
                        totals.totalBytes(), archive.sha256(), totals.chunks(), extracted.skipped());
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new ReferenceStoreException("The new version of " + name
                    + " could not be installed; the previous version was kept.", e);
        }
    }

    private Optional<ManifestEntry> installedEntry(String name) {
        try (Connection connection = database.open()) {
            return new ManifestRepository(connection).find(name);
        } catch (SQLException e) {
            throw new ReferenceStoreException("The reference library database cannot be read.", e);
        }
    }

    private int indexedChunks(String name) {
        try (Connection connection = database.open(); ChunkIndex index = new ChunkIndex(connection)) {
            return (int) index.countForSource(name);
        } catch (SQLException e) {
            throw new ReferenceStoreException("The reference library database cannot be read.", e);
        }
    }

    /** Cheap check that an installed copy of the pinned commit is still whole (count only, no hashing). */
    private boolean isIntactCurrent(ReferenceSource source, ManifestEntry entry) {
        Path dir = folder.sourceDir(source.name());
        if (!entry.commitSha().equals(source.commitSha()) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return SourceTree.walk(dir).regularFiles().size() == entry.fileCount();
        } catch (IOException e) {
            return false;
        }
    }
}
