package dev.keyward.vault.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a live SQLite schema through its PRAGMAs and {@code sqlite_schema}. */
final class LiveSchema {

    /** A column as {@code PRAGMA table_info} reports it. */
    record LiveColumn(String name, String declaredType, boolean notNull, String defaultSql, boolean primaryKey) {

        /** SQLite's affinity rules (section 3.1 of its datatype documentation), in their order. */
        String affinity() {
            String t = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
            if (t.contains("INT")) {
                return "INTEGER";
            }
            if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
                return "TEXT";
            }
            if (t.isEmpty() || t.contains("BLOB")) {
                return "BLOB";
            }
            if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
                return "REAL";
            }
            return "NUMERIC";
        }
    }

    /** An index with its key columns in order, each followed by " DESC" when descending. */
    record LiveIndex(String name, boolean unique, List<String> columns) {
    }

    /** One column of a foreign key; {@code to} is null when it names the parent's primary key implicitly. */
    record LiveForeignKey(String from, String table, String to) {
    }

    private final Connection c;

    LiveSchema(Connection c) {
        this.c = c;
    }

    Set<String> tables() throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    List<LiveColumn> columns(String table) throws SQLException {
        List<LiveColumn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LiveColumn(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4),
                            rs.getInt(5) > 0));
                }
            }
        }
        return out;
    }

    Optional<LiveColumn> column(String table, String name) throws SQLException {
        return columns(table).stream().filter(col -> col.name().equals(name)).findFirst();
    }

    List<LiveIndex> indexes(String table) throws SQLException {
        List<LiveIndex> out = new ArrayList<>();
        List<String[]> listed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, \"unique\" FROM pragma_index_list(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    listed.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] index : listed) {
            List<String> columns = new ArrayList<>();
            // index_xinfo (unlike index_info) reports the sort order; key = 0 rows are the rowid.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno")) {
                ps.setString(1, index[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1) + (rs.getInt(2) == 1 ? " DESC" : ""));
                    }
                }
            }
            out.add(new LiveIndex(index[0], "1".equals(index[1]), columns));
        }
        return out;
    }

    List<LiveForeignKey> foreignKeys(String table) throws SQLException {
        List<LiveForeignKey> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LiveForeignKey(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    String createSql(String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The values of a {@code CHECK (column IN (...))} constraint in the table's CREATE statement
     * (columns added by ALTER TABLE appear there too), unquoted; empty when there is none.
     */
    Optional<Set<String>> checkedValues(String table, String column) throws SQLException {
        String sql = createSql(table);
        Matcher m = Pattern.compile("CHECK\\s*\\(\\s*\"?" + Pattern.quote(column) + "\"?\\s+IN\\s*\\(([^)]*)\\)\\s*\\)",
                Pattern.CASE_INSENSITIVE).matcher(sql);
        if (!m.find()) {
            return Optional.empty();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String item : m.group(1).split(",")) {
            String v = item.trim();
            values.add(v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1).replace("''", "'") : v);
        }
        if (m.find()) {
            throw new AssertionError("two CHECK (" + column + " IN ...) constraints in " + table);
        }
        return Optional.of(values);
    }
}
