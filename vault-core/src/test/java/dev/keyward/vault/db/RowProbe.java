package dev.keyward.vault.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tries single-row inserts inside a savepoint that is always rolled back, so that a schema test
 * can probe constraints one by one without rows piling up or unique keys colliding.
 */
final class RowProbe {

    /** What an insert did: the stored value of {@code readBack} (if asked), or the error. */
    record Outcome(Object readBack, SQLException error) {

        boolean succeeded() {
            return error == null;
        }

        SQLiteErrorCode code() {
            return error instanceof SQLiteException e ? e.getResultCode() : null;
        }

        boolean failedWith(SQLiteErrorCode expected) {
            return code() == expected;
        }

        @Override
        public String toString() {
            return succeeded() ? "inserted (read back " + readBack + ")" : "refused: " + error.getMessage();
        }
    }

    private final Connection c;

    RowProbe(Connection c) {
        this.c = c;
    }

    Outcome insert(String table, Map<String, Object> row) throws SQLException {
        return insert(table, row, null);
    }

    /** Inserts {@code row}, reads {@code readBack} of the new row (by id), then undoes the insert. */
    Outcome insert(String table, Map<String, Object> row, String readBack) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT probe");
        }
        try {
            List<String> columns = new ArrayList<>(row.keySet());
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(col -> "?").toList()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    ps.setObject(i + 1, row.get(columns.get(i)));
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                return new Outcome(null, e);
            }
            Object value = null;
            if (readBack != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + readBack + " FROM " + table + " WHERE rowid = last_insert_rowid()");
                     ResultSet rs = ps.executeQuery()) {
                    value = rs.next() ? rs.getObject(1) : "(row not found)";
                }
            }
            return new Outcome(value, null);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK TO probe");
                s.execute("RELEASE probe");
            }
        }
    }

    /** Sets {@code column} of the row whose {@code keyColumn} is {@code key}, then undoes the update. */
    Outcome update(String table, String column, Object value, String keyColumn, Object key) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT probe");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE " + keyColumn + " = ?")) {
            ps.setObject(1, value);
            ps.setObject(2, key);
            int rows = ps.executeUpdate();
            if (rows != 1) {
                throw new AssertionError("expected one " + table + " row with " + keyColumn + " = " + key + ", found " + rows);
            }
            return new Outcome(null, null);
        } catch (SQLException e) {
            return new Outcome(null, e);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK TO probe");
                s.execute("RELEASE probe");
            }
        }
    }

    /** A copy of {@code row} with {@code column} set (null included). */
    static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.put(column, value);
        return copy;
    }

    /** A copy of {@code row} without {@code column}, so that its default applies. */
    static Map<String, Object> without(Map<String, Object> row, String column) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.remove(column);
        return copy;
    }
}
