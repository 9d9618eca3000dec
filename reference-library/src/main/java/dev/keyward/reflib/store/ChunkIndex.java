package dev.keyward.reflib.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The full-text index: {@code reference_chunk} holds where each chunk comes from and
 * {@code reference_chunk_text} (FTS5, same rowid) holds its path and text.
 */
public final class ChunkIndex implements AutoCloseable {

    /** One indexed chunk returned by a match, best first. */
    public record MatchedChunk(String sourceName, String path, int startLine, String body, double bm25) {}

    private final Connection connection;
    private PreparedStatement insertChunk;
    private PreparedStatement insertText;
    private long nextId = -1;

    public ChunkIndex(Connection connection) {
        this.connection = connection;
    }

    /** Removes every chunk of a source, finding them through reference_chunk_by_source. */
    public void deleteSource(String sourceName) throws SQLException {
        try (PreparedStatement text = connection.prepareStatement("""
                        DELETE FROM reference_chunk_text
                        WHERE rowid IN (SELECT id FROM reference_chunk WHERE source_name = ?)
                        """);
                PreparedStatement chunks =
                        connection.prepareStatement("DELETE FROM reference_chunk WHERE source_name = ?")) {
            text.setString(1, sourceName);
            text.executeUpdate();
            chunks.setString(1, sourceName);
            chunks.executeUpdate();
        }
    }

    /** Adds one chunk; call inside the caller's transaction. */
    public void add(String sourceName, String path, int startLine, String body) throws SQLException {
        if (insertChunk == null) {
            insertChunk = connection.prepareStatement(
                    "INSERT INTO reference_chunk (id, source_name, path, start_line) VALUES (?, ?, ?, ?)");
            insertText = connection.prepareStatement(
                    "INSERT INTO reference_chunk_text (rowid, path, body) VALUES (?, ?, ?)");
            nextId = maxId() + 1;
        }
        long id = nextId++;
        insertChunk.setLong(1, id);
        insertChunk.setString(2, sourceName);
        insertChunk.setString(3, path);
        insertChunk.setInt(4, startLine);
        insertChunk.executeUpdate();
        insertText.setLong(1, id);
        insertText.setString(2, path);
        insertText.setString(3, body);
        insertText.executeUpdate();
    }

    /**
     * Runs an FTS5 MATCH expression and returns the best chunks by bm25 (path weighted 2, body 1).
     *
     * @param sourceName only this source, or {@code null} for all
     */
    public List<MatchedChunk> match(String ftsExpression, int limit, String sourceName) throws SQLException {
        String sql = """
                SELECT c.source_name, c.path, c.start_line, m.body, m.score
                FROM (SELECT rowid AS id, body, bm25(reference_chunk_text, 2.0, 1.0) AS score
                      FROM reference_chunk_text
                      WHERE reference_chunk_text MATCH ?) AS m
                JOIN reference_chunk c ON c.id = m.id
                WHERE ? IS NULL OR c.source_name = ?
                ORDER BY m.score, c.source_name, c.path, c.start_line
                LIMIT ?
                """;
        List<MatchedChunk> chunks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, ftsExpression);
            statement.setString(2, sourceName);
            statement.setString(3, sourceName);
            statement.setInt(4, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    chunks.add(new MatchedChunk(
                            rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4), rows.getDouble(5)));
                }
            }
        }
        return chunks;
    }

    public long countForSource(String sourceName) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT count(*) FROM reference_chunk WHERE source_name = ?")) {
            statement.setString(1, sourceName);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** Closes the prepared inserts; the connection stays open. */
    @Override
    public void close() throws SQLException {
        if (insertChunk != null) {
            insertChunk.close();
            insertText.close();
        }
    }

    private long maxId() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(id), 0) FROM reference_chunk")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
