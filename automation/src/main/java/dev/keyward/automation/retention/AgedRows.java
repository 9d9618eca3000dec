package dev.keyward.automation.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One age rule over a table: rows whose time column is before a cutoff go, a bounded batch per
 * transaction, oldest first. Table and column names are constants of {@link RetentionJob}, never input.
 *
 * @param table  the table
 * @param column its UTC ISO-8601 time (or date) column
 * @param index  the index the lookup uses, named for the reader of the SQL
 */
record AgedRows(String table, String column, String index) {

    long count(Connection c, String profileId, String cutoff) throws SQLException {
        // Uses the (profile_id, <column>) index named in this rule.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE profile_id = ? AND " + column + " < ?")) {
            ps.setString(1, profileId);
            ps.setString(2, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Deletes up to {@code limit} of the oldest rows before {@code cutoff}; returns how many went. */
    int deleteBatch(Connection c, String profileId, String cutoff, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                + " WHERE profile_id = ? AND " + column + " < ? ORDER BY " + column + " LIMIT ?)")) {
            ps.setString(1, profileId);
            ps.setString(2, cutoff);
            ps.setInt(3, limit);
            return ps.executeUpdate();
        }
    }
}
