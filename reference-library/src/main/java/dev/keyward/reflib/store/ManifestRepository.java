package dev.keyward.reflib.store;

import dev.keyward.reflib.ManifestEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code reference_library_manifest} table (seed 002 section 3.10): one row per installed source. */
public final class ManifestRepository {

    private static final String COLUMNS = """
            id, source_name, source_url, commit_sha, downloaded_at, local_path,
            file_count, total_size_bytes, checksum""";

    private final Connection connection;

    public ManifestRepository(Connection connection) {
        this.connection = connection;
    }

    /** Inserts or replaces the row for the entry's source; the row id of an existing source is kept. */
    public void upsert(ManifestEntry entry) throws SQLException {
        // Relies on UNIQUE(source_name) for the conflict target.
        String sql = """
                INSERT INTO reference_library_manifest (%s)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_name) DO UPDATE SET
                    source_url = excluded.source_url,
                    commit_sha = excluded.commit_sha,
                    downloaded_at = excluded.downloaded_at,
                    local_path = excluded.local_path,
                    file_count = excluded.file_count,
                    total_size_bytes = excluded.total_size_bytes,
                    checksum = excluded.checksum
                """.formatted(COLUMNS);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, entry.id());
            statement.setString(2, entry.sourceName());
            statement.setString(3, entry.sourceUrl());
            statement.setString(4, entry.commitSha());
            statement.setString(5, entry.downloadedAt().toString());
            statement.setString(6, entry.localPath());
            statement.setLong(7, entry.fileCount());
            statement.setLong(8, entry.totalSizeBytes());
            statement.setString(9, entry.checksum());
            statement.executeUpdate();
        }
    }

    /** The row of one source, found through UNIQUE(source_name). */
    public Optional<ManifestEntry> find(String sourceName) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM reference_library_manifest WHERE source_name = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sourceName);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public List<ManifestEntry> list() throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM reference_library_manifest ORDER BY source_name";
        List<ManifestEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(read(rows));
            }
        }
        return entries;
    }

    public boolean delete(String sourceName) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM reference_library_manifest WHERE source_name = ?")) {
            statement.setString(1, sourceName);
            return statement.executeUpdate() > 0;
        }
    }

    private static ManifestEntry read(ResultSet rows) throws SQLException {
        return new ManifestEntry(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                Instant.parse(rows.getString(5)),
                rows.getString(6),
                rows.getLong(7),
                rows.getLong(8),
                rows.getString(9));
    }
}
