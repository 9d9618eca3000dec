package dev.keyward.reflib.store;

import dev.keyward.reflib.ReferenceSource;
import dev.keyward.reflib.ReferenceStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * Opens {@code reference_library/manifest.db}, a plain SQLite file (no key, no secrets), and
 * creates its schema on first use; the schema version lives in {@code PRAGMA user_version}.
 */
public final class ManifestDatabase {

    /** The schema this code writes; a newer file is refused rather than misread. */
    public static final int SCHEMA_VERSION = 1;

    private static final String SCHEMA_V1 = """
            CREATE TABLE reference_library_manifest (
                id               TEXT PRIMARY KEY NOT NULL,
                source_name      TEXT NOT NULL,
                source_url       TEXT NOT NULL,
                commit_sha       TEXT NOT NULL,
                downloaded_at    TEXT NOT NULL,
                local_path       TEXT NOT NULL,
                file_count       INTEGER NOT NULL,
                total_size_bytes INTEGER NOT NULL,
                checksum         TEXT NOT NULL,
                UNIQUE (source_name)
            );
            CREATE TABLE reference_source (
                source_name       TEXT PRIMARY KEY NOT NULL,
                source_url        TEXT NOT NULL,
                commit_sha        TEXT NOT NULL,
                archive_format    TEXT NOT NULL,
                expected_checksum TEXT,
                added_at          TEXT NOT NULL
            );
            CREATE TABLE reference_file (
                source_name TEXT NOT NULL,
                path        TEXT NOT NULL,
                size_bytes  INTEGER NOT NULL,
                sha256      TEXT NOT NULL,
                PRIMARY KEY (source_name, path)
            ) WITHOUT ROWID;
            CREATE TABLE reference_chunk (
                id          INTEGER PRIMARY KEY,
                source_name TEXT NOT NULL,
                path        TEXT NOT NULL,
                start_line  INTEGER NOT NULL
            );
            CREATE INDEX reference_chunk_by_source ON reference_chunk (source_name);
            CREATE VIRTUAL TABLE reference_chunk_text USING fts5 (path, body, tokenize = 'unicode61');
            """;

    private final Path file;
    private final List<ReferenceSource> initialSources;
    private final Clock clock;
    private volatile boolean schemaReady;

    /**
     * @param file           the manifest.db path (its folder is created when missing)
     * @param initialSources sources registered when the schema is created
     */
    public ManifestDatabase(Path file, List<ReferenceSource> initialSources, Clock clock) {
        this.file = file;
        this.initialSources = List.copyOf(initialSources);
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Opens a connection (auto-commit on) with the schema in place; the caller closes it. */
    public Connection open() {
        try {
            Files.createDirectories(file.getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                // WAL lets searches read while a sync writes; busy_timeout rides out a second process.
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.execute("PRAGMA synchronous = NORMAL");
            }
            if (!schemaReady) {
                migrate(connection);
            }
            return connection;
        } catch (SQLException | IOException e) {
            throw new ReferenceStoreException(
                    "The reference library database cannot be opened; check that " + file + " is readable and writable.",
                    e);
        }
    }

    private synchronized void migrate(Connection connection) throws SQLException {
        if (schemaReady) {
            return;
        }
        int version = userVersion(connection);
        if (version > SCHEMA_VERSION) {
            throw new ReferenceStoreException("The reference library was written by a newer Keyward;"
                    + " update Keyward or delete the reference_library folder.", null);
        }
        if (version < 1) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : SCHEMA_V1.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
                SourceRepository sources = new SourceRepository(connection);
                for (ReferenceSource source : initialSources) {
                    sources.upsert(source, clock.instant());
                }
                statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        schemaReady = true;
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
