package dev.keyward.reflib;

import dev.keyward.reflib.archive.SafeExtractor;
import dev.keyward.reflib.download.ArchiveDownloader;
import dev.keyward.reflib.store.ChunkIndex;
import dev.keyward.reflib.store.FileRecordRepository;
import dev.keyward.reflib.store.ManifestDatabase;
import dev.keyward.reflib.store.ManifestRepository;
import dev.keyward.reflib.store.SourceRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference library: public automation sources (Playwright for Python and Java, Puppeteer,
 * or any repository the user adds) downloaded at pinned commits into
 * {@code <root>/reference_library/<source_name>/}, tracked in {@code reference_library/manifest.db}
 * (plain SQLite, no secrets) and searchable through a full-text index used to ground
 * AI-generated step programs.
 *
 * <p>Every method throws only {@link ReferenceLibraryException} subclasses, whose message is one
 * sentence fit for a user. Changes (add, sync, remove) run one at a time, also across processes;
 * list, verify and search can run alongside them and see the last committed state. Sync blocks
 * the calling thread; interrupting it cancels the sync and keeps the previous version.
 */
public final class ReferenceLibrary {

    /** The folder under the Keyward root that holds the library. */
    public static final String FOLDER_NAME = "reference_library";

    private final LibraryFolder folder;
    private final ManifestDatabase database;
    private final LibraryLock lock;
    private final SourceSync sourceSync;
    private final LibraryVerifier verifier;
    private final Clock clock;

    /**
     * A library with the default limits and default sources.
     *
     * @param root        the Keyward data root; the library lives in {@code root/reference_library}
     * @param archiveBase where archives are fetched from, normally {@link LibrarySettings#GITHUB_ARCHIVE_BASE}
     * @param http        the client for downloads; it should follow redirects, as GitHub redirects
     *                    archive requests to codeload.github.com
     */
    public ReferenceLibrary(Path root, URI archiveBase, HttpClient http) {
        this(root, http, LibrarySettings.defaults(archiveBase));
    }

    /** A library with explicit settings (limits, initial sources, download attempts, stall timeout). */
    public ReferenceLibrary(Path root, HttpClient http, LibrarySettings settings) {
        this(root, http, settings, Clock.systemUTC());
    }

    ReferenceLibrary(Path root, HttpClient http, LibrarySettings settings, Clock clock) {
        this.clock = clock;
        this.folder = new LibraryFolder(root.resolve(FOLDER_NAME));
        this.database = new ManifestDatabase(folder.manifestFile(), settings.initialSources(), clock);
        this.lock = new LibraryLock(folder.lockFile());
        this.sourceSync = new SourceSync(folder, database,
                new ArchiveDownloader(http, settings.limits().maxArchiveBytes(), settings.downloadAttempts(),
                        settings.stallTimeout()),
                new SafeExtractor(settings.limits()), settings.archiveBase(), clock);
        this.verifier = new LibraryVerifier(folder);
    }

    /**
     * True when a library was set up under {@code root} (its manifest exists); callers that only read it,
     * such as program generation, check this first so that they never create one as a side effect.
     */
    public static boolean existsIn(Path root) {
        return Files.isRegularFile(new LibraryFolder(root.resolve(FOLDER_NAME)).manifestFile());
    }

    /** The {@code reference_library} folder. */
    public Path folder() {
        return folder.dir();
    }

    /** The folder holding one source's extracted files (it may not exist yet). */
    public Path sourceFolder(String name) {
        return folder.sourceDir(name);
    }

    /** The URL an archive of the registered source {@code name} is downloaded from. */
    public URI archiveUrl(String name) {
        return sourceSync.archiveUrl(registered(name));
    }

    /**
     * Registers a tar.gz source, or re-pins an existing one to another commit. Nothing is
     * downloaded until {@link #sync}; the installed copy of a re-pinned source stays until then.
     *
     * @param name          lowercase folder-safe name, e.g. {@code playwright-python}
     * @param repositoryUrl {@code https://github.com/OWNER/REPO}
     * @param commitSha     full 40-hex commit SHA
     * @throws ReferenceSourceException when a value is malformed
     */
    public ReferenceSource add(String name, String repositoryUrl, String commitSha) {
        return add(ReferenceSource.of(name, repositoryUrl, commitSha));
    }

    /**
     * Registers or re-pins a source with a chosen archive format and, optionally, the SHA-256 the
     * archive must have (a mismatch is refused at sync).
     */
    public ReferenceSource add(ReferenceSource source) {
        try (LibraryLock.Held held = lock.acquire(); Connection connection = database.open()) {
            new SourceRepository(connection).upsert(source, clock.instant());
            return source;
        } catch (SQLException e) {
            throw storeFailure(e);
        }
    }

    /** Syncs one source if it is not current ({@link SyncMode#IF_OUTDATED}). */
    public SyncReport sync(String name, ProgressListener listener) {
        return sync(name, SyncMode.IF_OUTDATED, listener);
    }

    /**
     * Downloads the pinned commit of one source, checks it, extracts it safely, re-indexes it
     * and swaps it in. On any failure the previous folder, manifest row and index stay as they
     * were; an interrupted download is resumed by the next sync.
     *
     * @throws ReferenceSourceException   the name is not registered
     * @throws ReferenceDownloadException the download failed or the checksum differs
     * @throws ReferenceArchiveException  the archive is damaged, hostile or too large
     * @throws ReferenceStoreException    the folder or manifest.db could not be written
     * @throws ReferenceSyncCancelledException the thread was interrupted
     */
    public SyncReport sync(String name, SyncMode mode, ProgressListener listener) {
        try (LibraryLock.Held held = lock.acquire()) {
            folder.recoverInterruptedWork();
            return sourceSync.sync(registered(name), mode, listenerOrNone(listener));
        }
    }

    /** Syncs every registered source that is not current; see {@link #syncAll(SyncMode, ProgressListener)}. */
    public List<SyncOutcome> syncAll(ProgressListener listener) {
        return syncAll(SyncMode.IF_OUTDATED, listener);
    }

    /**
     * Syncs every registered source in name order. A failing source does not stop the others;
     * its outcome carries the error. Cancellation (thread interrupt) stops the whole run.
     */
    public List<SyncOutcome> syncAll(SyncMode mode, ProgressListener listener) {
        List<SyncOutcome> outcomes = new ArrayList<>();
        try (LibraryLock.Held held = lock.acquire()) {
            folder.recoverInterruptedWork();
            for (ReferenceSource source : registeredSources()) {
                try {
                    outcomes.add(new SyncOutcome.Synced(sourceSync.sync(source, mode, listenerOrNone(listener))));
                } catch (ReferenceSyncCancelledException e) {
                    throw e;
                } catch (ReferenceLibraryException e) {
                    outcomes.add(new SyncOutcome.Failed(source.name(), e));
                }
            }
        }
        return outcomes;
    }

    /** Every registered source in name order, with its manifest row when it has been synced. */
    public List<LibrarySource> list() {
        try (Connection connection = database.open()) {
            Map<String, ManifestEntry> installed = new ManifestRepository(connection).list().stream()
                    .collect(Collectors.toMap(ManifestEntry::sourceName, Function.identity()));
            return new SourceRepository(connection).list().stream()
                    .map(source -> new LibrarySource(source, Optional.ofNullable(installed.get(source.name()))))
                    .toList();
        } catch (SQLException e) {
            throw storeFailure(e);
        }
    }

    /**
     * Re-hashes and recounts the files of every installed source against manifest.db and
     * reports, per source, whether it is ok, has missing files or has changed files. Read-only;
     * a sync with {@link SyncMode#ALWAYS} repairs a damaged copy.
     */
    public List<VerifyReport> verify() {
        try (Connection connection = database.open()) {
            return verifier.verifyAll(connection);
        } catch (SQLException e) {
            throw storeFailure(e);
        } catch (IOException e) {
            throw new ReferenceStoreException("The reference library files in " + folder.dir()
                    + " cannot be read; check their permissions.", e);
        }
    }

    /**
     * Removes a source entirely: its registration, manifest row, file hashes, index entries,
     * extracted folder and any partial download.
     *
     * @throws ReferenceSourceException when no source has that name
     */
    public void remove(String name) {
        ReferenceSource.requireName(name);
        try (LibraryLock.Held held = lock.acquire(); Connection connection = database.open()) {
            folder.recoverInterruptedWork();
            connection.setAutoCommit(false);
            Path removed = null;
            try (ChunkIndex index = new ChunkIndex(connection);
                    FileRecordRepository files = new FileRecordRepository(connection)) {
                boolean registered = new SourceRepository(connection).delete(name);
                boolean installed = new ManifestRepository(connection).delete(name);
                if (!registered && !installed) {
                    throw unknownSource(name);
                }
                files.deleteSource(name);
                index.deleteSource(name);
                Path dir = folder.sourceDir(name);
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    removed = folder.removedPathFor(name);
                    LibraryFolder.move(dir, removed);
                }
                try {
                    connection.commit();
                } catch (SQLException e) {
                    if (removed != null) {
                        LibraryFolder.move(removed, dir);
                    }
                    throw e;
                }
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            if (removed != null) {
                folder.deleteTreeQuietly(removed); // a leftover is deleted by the next change
            }
            folder.deleteOtherDownloads(name, null);
        } catch (SQLException e) {
            throw storeFailure(e);
        } catch (IOException e) {
            throw new ReferenceStoreException("The folder of " + name + " could not be removed;"
                    + " check its permissions.", e);
        }
    }

    /** Ranked full-text search over all installed sources; see {@link #search(String, int, String)}. */
    public List<SearchHit> search(String query, int limit) {
        return search(query, limit, null);
    }

    /**
     * Full-text search over the indexed code and docs, best first (FTS5 bm25). The query is
     * free text: its words are matched (all of them first, any of them when no chunk has all);
     * punctuation is ignored, so {@code page.wait_for_selector} is fine. Each hit is one indexed
     * block of about 40 lines, so a long file can appear more than once, at different lines.
     *
     * @param limit      most hits to return (capped at 200)
     * @param sourceName only this source, or {@code null} for all
     * @return hits with source, path, line and a plain-text snippet; empty when nothing matches
     */
    public List<SearchHit> search(String query, int limit, String sourceName) {
        try (Connection connection = database.open()) {
            return LibrarySearch.search(connection, query, limit, sourceName);
        } catch (SQLException e) {
            throw storeFailure(e);
        }
    }

    private ReferenceSource registered(String name) {
        ReferenceSource.requireName(name);
        try (Connection connection = database.open()) {
            return new SourceRepository(connection).find(name).orElseThrow(() -> unknownSource(name));
        } catch (SQLException e) {
            throw storeFailure(e);
        }
    }

    private List<ReferenceSource> registeredSources() {
        try (Connection connection = database.open()) {
            return new SourceRepository(connection).list();
        } catch (SQLException e) {
            throw storeFailure(e);
        }
    }

    private static ProgressListener listenerOrNone(ProgressListener listener) {
        return listener == null ? ProgressListener.NONE : listener;
    }

    private static ReferenceSourceException unknownSource(String name) {
        return new ReferenceSourceException("No reference source is named " + name + "; list the library to see the names.");
    }

    private ReferenceStoreException storeFailure(SQLException e) {
        return new ReferenceStoreException("The reference library database " + database.file()
                + " could not be read or written; check the folder's permissions and free space.", e);
    }
}
