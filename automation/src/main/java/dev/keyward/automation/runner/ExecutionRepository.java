package dev.keyward.automation.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code automation_executions}, always within one profile; callers pass redacted text only. */
public final class ExecutionRepository {

    private static final String SELECT = """
            SELECT id, script_id, started_at, completed_at, status, checkpoints_reached, checkpoints_approved,
                   checkpoints_rejected, error_message_redacted, debug_screenshot_paths_json, result_summary_json
              FROM automation_executions
            """;

    private final String profileId;

    public ExecutionRepository(String profileId) {
        this.profileId = profileId;
    }

    public void insertRunning(Connection c, String id, String scriptId, String startedAt, String summaryJson)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO automation_executions (id, profile_id, script_id, started_at, status, result_summary_json)
                VALUES (?, ?, ?, ?, 'running', ?)""")) {
            ps.setString(1, id);
            ps.setString(2, profileId);
            ps.setString(3, scriptId);
            ps.setString(4, startedAt);
            ps.setString(5, summaryJson);
            ps.executeUpdate();
        }
    }

    /** Progress while running: status, counters, summary and screenshots so far. */
    public void update(Connection c, String id, ExecutionStatus status, int reached, int approved, int rejected,
            String screenshotsJson, String summaryJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE automation_executions SET status = ?, checkpoints_reached = ?, checkpoints_approved = ?,
                       checkpoints_rejected = ?, debug_screenshot_paths_json = ?, result_summary_json = ?
                 WHERE profile_id = ? AND id = ?""")) {
            ps.setString(1, status.dbValue());
            ps.setInt(2, reached);
            ps.setInt(3, approved);
            ps.setInt(4, rejected);
            ps.setString(5, screenshotsJson);
            ps.setString(6, summaryJson);
            ps.setString(7, profileId);
            ps.setString(8, id);
            ps.executeUpdate();
        }
    }

    public void finish(Connection c, String id, ExecutionStatus status, String completedAt, String errorRedacted)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE automation_executions SET status = ?, completed_at = ?, error_message_redacted = ?
                 WHERE profile_id = ? AND id = ?""")) {
            ps.setString(1, status.dbValue());
            ps.setString(2, completedAt);
            ps.setString(3, errorRedacted);
            ps.setString(4, profileId);
            ps.setString(5, id);
            ps.executeUpdate();
        }
    }

    public Optional<ExecutionRecord> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE profile_id = ? AND id = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, id);
            return read(ps).stream().findFirst();
        }
    }

    /** The script's runs, newest first (idx_automation_executions_script_started). */
    public List<ExecutionRecord> listByScript(Connection c, String scriptId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE script_id = ? AND profile_id = ? ORDER BY started_at DESC LIMIT ?")) {
            ps.setString(1, scriptId);
            ps.setString(2, profileId);
            ps.setInt(3, limit);
            return read(ps);
        }
    }

    /** Runs of the profile started at or after {@code since} (idx_automation_executions_profile_started). */
    public List<ExecutionRecord> listSince(Connection c, String since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE profile_id = ? AND started_at >= ? ORDER BY started_at DESC")) {
            ps.setString(1, profileId);
            ps.setString(2, since);
            return read(ps);
        }
    }

    private static List<ExecutionRecord> read(PreparedStatement ps) throws SQLException {
        List<ExecutionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ExecutionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ExecutionStatus.fromDbValue(rs.getString(5)).orElseThrow(), rs.getInt(6), rs.getInt(7),
                        rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11)));
            }
        }
        return out;
    }
}
