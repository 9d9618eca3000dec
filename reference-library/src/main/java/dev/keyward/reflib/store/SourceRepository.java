package dev.keyward.reflib.store;

import dev.keyward.reflib.ArchiveFormat;
import dev.keyward.reflib.ReferenceSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code reference_source} table: which sources the user wants, pinned to which commit. */
public final class SourceRepository {

    private final Connection connection;

    public SourceRepository(Connection connection) {
        this.connection = connection;
    }

    /** Registers a source or re-pins an existing one (keeps its original added_at). */
    public void upsert(ReferenceSource source, Instant now) throws SQLException {
        String sql = """
                INSERT INTO reference_source
                    (source_name, source_url, commit_sha, archive_format, expected_checksum, added_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_name) DO UPDATE SET
                    source_url = excluded.source_url,
                    commit_sha = excluded.commit_sha,
                    archive_format = excluded.archive_format,
                    expected_checksum = excluded.expected_checksum
                """;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, source.name());
            statement.setString(2, source.repositoryUrl());
            statement.setString(3, source.commitSha());
            statement.setString(4, source.format().dbValue());
            statement.setString(5, source.expectedChecksum());
            statement.setString(6, now.toString());
            statement.executeUpdate();
        }
    }

    /** Looks a source up by its name (primary key). */
    public Optional<ReferenceSource> find(String name) throws SQLException {
        String sql = """
                SELECT source_name, source_url, commit_sha, archive_format, expected_checksum
                FROM reference_source WHERE source_name = ?
                """;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public List<ReferenceSource> list() throws SQLException {
        String sql = """
                SELECT source_name, source_url, commit_sha, archive_format, expected_checksum
                FROM reference_source ORDER BY source_name
                """;
        List<ReferenceSource> sources = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sources.add(read(rows));
            }
        }
        return sources;
    }

    public boolean delete(String name) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM reference_source WHERE source_name = ?")) {
            statement.setString(1, name);
            return statement.executeUpdate() > 0;
        }
    }

    private static ReferenceSource read(ResultSet rows) throws SQLException {
        return new ReferenceSource(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                ArchiveFormat.fromDbValue(rows.getString(4)),
                rows.getString(5));
    }
}
