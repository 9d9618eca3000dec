package dev.keyward.reflib;

import dev.keyward.reflib.index.SourceTree;
import dev.keyward.reflib.store.FileRecord;
import dev.keyward.reflib.store.FileRecordRepository;
import dev.keyward.reflib.store.ManifestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Re-hashes and recounts installed sources against manifest.db. */
final class LibraryVerifier {

    private final LibraryFolder folder;

    LibraryVerifier(LibraryFolder folder) {
        this.folder = folder;
    }

    List<VerifyReport> verifyAll(Connection connection) throws SQLException, IOException {
        List<VerifyReport> reports = new ArrayList<>();
        for (ManifestEntry entry : new ManifestRepository(connection).list()) {
            Map<String, FileRecord> recorded;
            try (FileRecordRepository files = new FileRecordRepository(connection)) {
                recorded = files.bySource(entry.sourceName());
            }
            reports.add(verify(entry, recorded));
        }
        return reports;
    }

    private VerifyReport verify(ManifestEntry entry, Map<String, FileRecord> recorded) throws IOException {
        Path dir = sourceFolder(entry);
        if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new VerifyReport(entry.sourceName(), VerifyStatus.MISSING, entry.fileCount(), 0,
                    entry.totalSizeBytes(), 0, List.copyOf(recorded.keySet()), List.of(), List.of());
        }
        SourceTree tree = SourceTree.walk(dir);
        Set<String> present = new HashSet<>(tree.regularFiles());
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (FileRecord record : recorded.values()) {
            if (!present.contains(record.path())) {
                missing.add(record.path());
            } else if (!matches(SourceTree.resolve(dir, record.path()), record)) {
                changed.add(record.path());
            }
        }
        List<String> unexpected = new ArrayList<>(tree.otherEntries());
        long actualBytes = 0;
        for (String path : tree.regularFiles()) {
            actualBytes += Files.size(SourceTree.resolve(dir, path));
            if (!recorded.containsKey(path)) {
                unexpected.add(path);
            }
        }
        unexpected.sort(null);
        long actualCount = tree.regularFiles().size();
        VerifyStatus status;
        if (!missing.isEmpty()) {
            status = VerifyStatus.MISSING;
        } else if (!changed.isEmpty() || !unexpected.isEmpty()
                || actualCount != entry.fileCount() || actualBytes != entry.totalSizeBytes()) {
            status = VerifyStatus.CHANGED;
        } else {
            status = VerifyStatus.OK;
        }
        return new VerifyReport(entry.sourceName(), status, entry.fileCount(), actualCount,
                entry.totalSizeBytes(), actualBytes, missing, changed, unexpected);
    }

    private static boolean matches(Path file, FileRecord record) throws IOException {
        return Files.size(file) == record.sizeBytes() && FileDigest.sha256Hex(file).equals(record.sha256());
    }

    /** The row's local_path is trusted only when it is a plain source-folder name. */
    private Path sourceFolder(ManifestEntry entry) {
        try {
            return folder.sourceDir(entry.localPath());
        } catch (ReferenceSourceException e) {
            return null;
        }
    }
}
