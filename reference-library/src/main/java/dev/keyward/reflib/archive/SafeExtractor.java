package dev.keyward.reflib.archive;

import dev.keyward.reflib.ProgressListener;
import dev.keyward.reflib.ReferenceArchiveException;
import dev.keyward.reflib.ReferenceArchiveException.Problem;
import dev.keyward.reflib.ReferenceStoreException;
import dev.keyward.reflib.ReferenceSyncCancelledException;
import dev.keyward.reflib.SkippedEntry;
import dev.keyward.reflib.SyncPhase;
import dev.keyward.reflib.SyncProgress;
import dev.keyward.reflib.ExtractionLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Unpacks a tar.gz or zip archive into an empty staging folder without trusting it: no entry
 * may land outside the folder, no link is created or followed, and size and entry caps hold.
 *
 * <p>Escaping names and links pointing outside the archive make the whole archive refused
 * ({@link Problem#HOSTILE}); links that stay inside and special files are skipped with a reason.
 */
public final class SafeExtractor {

    private static final long PROGRESS_STEP = 1024 * 1024;

    private final ExtractionLimits limits;

    public SafeExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    /** Extracts {@code archive} into the empty folder {@code staging}. */
    public ExtractionResult extract(Path archive, Path staging, String sourceName, ProgressListener listener) {
        Run run = new Run(staging, sourceName, listener);
        try (ArchiveReader reader = open(archive, sourceName)) {
            for (ArchiveItem item; (item = reader.next()) != null; ) {
                run.write(item);
            }
        } catch (WriteFailure e) {
            throw new ReferenceStoreException("The files of " + sourceName + " could not be written to " + staging
                    + "; check free disk space and permissions.", e.getCause());
        } catch (ZipReader.UnsupportedEntryException e) {
            throw new ReferenceArchiveException(Problem.UNSUPPORTED, "The archive of " + sourceName
                    + " uses encryption or a compression method Keyward cannot read; the previous version was kept.", e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // commons-compress reports truncated or corrupt data as IOException (older versions as IAE).
            throw damaged(sourceName, e);
        }
        listener.onProgress(new SyncProgress(sourceName, SyncPhase.EXTRACTING, run.bytes, run.bytes));
        return new ExtractionResult(contentRoot(staging), run.skipped, run.entries, run.bytes);
    }

    private static ArchiveReader open(Path archive, String sourceName) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(archive)) {
            magic = in.readNBytes(4);
        }
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new TarGzReader(archive);
        }
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5)) {
            return new ZipReader(archive);
        }
        throw new ReferenceArchiveException(Problem.UNSUPPORTED, "The download for " + sourceName
                + " is neither a tar.gz nor a zip archive; the previous version was kept.");
    }

    /** GitHub wraps every archive in one folder named REPO-SHA; that folder becomes the content root. */
    private static Path contentRoot(Path staging) {
        try (Stream<Path> children = Files.list(staging)) {
            List<Path> all = children.toList();
            if (all.size() == 1 && Files.isDirectory(all.get(0), LinkOption.NOFOLLOW_LINKS)) {
                return all.get(0);
            }
            return staging;
        } catch (IOException e) {
            throw new ReferenceStoreException("The extracted files in " + staging + " cannot be listed.", e);
        }
    }

    /** A failure on our side of the copy (disk full, permissions), as opposed to a bad archive. */
    private static final class WriteFailure extends IOException {
        WriteFailure(IOException cause) {
            super(cause);
        }
    }

    private static ReferenceArchiveException damaged(String sourceName, Exception cause) {
        return new ReferenceArchiveException(Problem.DAMAGED, "The archive of " + sourceName
                + " is damaged or incomplete; the previous version was kept.", cause);
    }

    private ReferenceArchiveException tooLarge(String sourceName, String what) {
        return new ReferenceArchiveException(Problem.TOO_LARGE, "The archive of " + sourceName + " has " + what
                + " than allowed (" + limits.maxEntries() + " entries, "
                + (limits.maxUncompressedBytes() / (1024 * 1024)) + " MiB); it was refused.");
    }

    private static ReferenceArchiveException hostile(String sourceName, String what) {
        return new ReferenceArchiveException(Problem.HOSTILE, "The archive of " + sourceName + " contains " + what
                + " and was refused as unsafe; the previous version was kept.");
    }

    /** The state of one extraction. */
    private final class Run {
        private final Path staging;
        private final String sourceName;
        private final ProgressListener listener;
        private final List<SkippedEntry> skipped = new ArrayList<>();
        private final byte[] buffer = new byte[64 * 1024];
        private long entries;
        private long bytes;
        private long reported;

        Run(Path staging, String sourceName, ProgressListener listener) {
            this.staging = staging;
            this.sourceName = sourceName;
            this.listener = listener;
        }

        void write(ArchiveItem item) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new ReferenceSyncCancelledException(sourceName);
            }
            if (item.kind() == ItemKind.METADATA) {
                return;
            }
            List<String> segments;
            try {
                segments = EntryNames.segments(item.name());
            } catch (EntryNames.EscapeException e) {
                throw hostile(sourceName, "an entry whose path leaves the target folder");
            }
            if (segments.isEmpty()) {
                return;
            }
            switch (item.kind()) {
                case SYMLINK -> skipLink(item, segments.subList(0, segments.size() - 1), "symbolic link not created");
                case HARDLINK -> skipLink(item, List.of(), "hard link not created");
                case SPECIAL -> skipped.add(new SkippedEntry(item.name(), "special file (device or pipe) not created"));
                case DIRECTORY, FILE -> writeEntry(item, segments);
                default -> throw new IllegalStateException("unhandled entry kind " + item.kind());
            }
        }

        private void skipLink(ArchiveItem item, List<String> base, String reason) {
            String target = item.linkTarget();
            if (target == null || target.length() > ZipReader.MAX_LINK_TARGET || !EntryNames.staysInside(base, target)) {
                throw hostile(sourceName, "a link pointing outside the archive");
            }
            skipped.add(new SkippedEntry(item.name(), reason));
        }

        private void writeEntry(ArchiveItem item, List<String> segments) throws IOException {
            if (++entries > limits.maxEntries()) {
                throw tooLarge(sourceName, "more entries");
            }
            if (!EntryNames.portable(segments)) {
                skipped.add(new SkippedEntry(item.name(), "name not valid on every system"));
                return;
            }
            Path target;
            try {
                target = staging;
                for (String segment : segments) {
                    target = target.resolve(segment);
                }
            } catch (InvalidPathException e) {
                skipped.add(new SkippedEntry(item.name(), "name not valid on this system"));
                return;
            }
            // Belt and braces: segments are plain names, so this can only fail on an exotic file system.
            if (!target.normalize().startsWith(staging.normalize())) {
                throw hostile(sourceName, "an entry whose path leaves the target folder");
            }
            if (item.kind() == ItemKind.DIRECTORY) {
                createFolders(target);
                return;
            }
            if (item.declaredSize() > limits.maxUncompressedBytes() - bytes) {
                throw tooLarge(sourceName, "more content");
            }
            createFolders(target.getParent());
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("a file entry has the name of a folder entry");
            }
            copy(item.content(), target);
        }

        /** A file where a folder must go is the archive's fault; anything else is ours. */
        private void createFolders(Path folder) throws IOException {
            for (Path p = folder; p != null && !p.equals(staging); p = p.getParent()) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("a folder entry has the name of a file entry");
                }
            }
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new WriteFailure(e);
            }
        }

        private void copy(InputStream in, Path target) throws IOException {
            // Links are never created in staging, so NOFOLLOW_LINKS only guards against the impossible.
            OutputStream out;
            try {
                out = Files.newOutputStream(target, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new WriteFailure(e);
            }
            try (out) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes += n;
                    if (bytes > limits.maxUncompressedBytes()) {
                        throw tooLarge(sourceName, "more content");
                    }
                    try {
                        out.write(buffer, 0, n);
                    } catch (IOException e) {
                        throw new WriteFailure(e);
                    }
                    if (bytes - reported >= PROGRESS_STEP) {
                        reported = bytes;
                        listener.onProgress(new SyncProgress(sourceName, SyncPhase.EXTRACTING, bytes, -1));
                    }
                }
            }
        }
    }
}
