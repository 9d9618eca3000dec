package dev.keyward.reflib.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code reference_file} table: per-file hashes of each installed source. */
public final class FileRecordRepository implements AutoCloseable {

    private final Connection connection;
    private PreparedStatement insert;

    public FileRecordRepository(Connection connection) {
        this.connection = connection;
    }

    /** Deletes a source's records, through the (source_name, path) primary key. */
    public void deleteSource(String sourceName) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM reference_file WHERE source_name = ?")) {
            statement.setString(1, sourceName);
            statement.executeUpdate();
        }
    }

    public void add(String sourceName, FileRecord record) throws SQLException {
        if (insert == null) {
            insert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO reference_file (source_name, path, size_bytes, sha256) VALUES (?, ?, ?, ?)");
        }
        insert.setString(1, sourceName);
        insert.setString(2, record.path());
        insert.setLong(3, record.sizeBytes());
        insert.setString(4, record.sha256());
        insert.executeUpdate();
    }

    /** The records of one source keyed by path, in path order. */
    public Map<String, FileRecord> bySource(String sourceName) throws SQLException {
        String sql = "SELECT path, size_bytes, sha256 FROM reference_file WHERE source_name = ? ORDER BY path";
        Map<String, FileRecord> records = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sourceName);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.put(rows.getString(1), new FileRecord(rows.getString(1), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return records;
    }

    /** Closes the prepared insert; the connection stays open. */
    @Override
    public void close() throws SQLException {
        if (insert != null) {
            insert.close();
        }
    }
}
