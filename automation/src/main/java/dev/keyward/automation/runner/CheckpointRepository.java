package dev.keyward.automation.runner;

import dev.keyward.automation.program.CheckpointType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SQL for {@code hitl_checkpoints}, always within one profile; callers pass redacted text only. */
public final class CheckpointRepository {

    private final String profileId;

    public CheckpointRepository(String profileId) {
        this.profileId = profileId;
    }

    public void insert(Connection c, CheckpointRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO hitl_checkpoints (id, profile_id, execution_id, checkpoint_type, checkpoint_description,
                    proposed_action, context_json, decision, user_notes, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, r.id());
            ps.setString(2, profileId);
            ps.setString(3, r.executionId());
            ps.setString(4, r.type().dbValue());
            ps.setString(5, r.description());
            ps.setString(6, r.proposedAction());
            ps.setString(7, r.contextJson());
            ps.setString(8, r.decision().dbValue());
            ps.setString(9, r.userNotes());
            ps.setString(10, r.decidedAt());
            ps.executeUpdate();
        }
    }

    /** The run's checkpoints in the order they were decided (idx_hitl_checkpoints_execution_decided). */
    public List<CheckpointRecord> listByExecution(Connection c, String executionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, execution_id, checkpoint_type, checkpoint_description, proposed_action, context_json,
                       decision, user_notes, decided_at
                  FROM hitl_checkpoints WHERE execution_id = ? AND profile_id = ? ORDER BY decided_at, rowid""")) {
            ps.setString(1, executionId);
            ps.setString(2, profileId);
            List<CheckpointRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CheckpointRecord(rs.getString(1), rs.getString(2),
                            CheckpointType.fromDbValue(rs.getString(3)).orElseThrow(), rs.getString(4),
                            rs.getString(5), rs.getString(6), decision(rs.getString(7)), rs.getString(8),
                            rs.getString(9)));
                }
            }
            return out;
        }
    }

    private static CheckpointDecision.Kind decision(String value) {
        return Arrays.stream(CheckpointDecision.Kind.values()).filter(k -> k.dbValue().equals(value)).findFirst()
                .orElseThrow();
    }
}
