package dev.keyward.automation.scripts;

import dev.keyward.automation.program.TaskType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code automation_scripts}, always within one profile; callers own the transaction. */
public final class AutomationScriptRepository {

    private static final String SELECT = """
            SELECT s.id, s.provider_id, p.slug, s.task_type, s.title, s.description, s.script_content, s.model_used,
                   s.research_data_json, s.plan_data_json, s.approval_status, s.approved_at, s.version,
                   s.execution_count, s.last_executed_at, s.last_execution_status, s.auto_approve_repeat,
                   s.created_at, s.updated_at
              FROM automation_scripts s LEFT JOIN providers p ON p.id = s.provider_id
            """;

    private final String profileId;

    public AutomationScriptRepository(String profileId) {
        this.profileId = profileId;
    }

    public void insert(Connection c, AutomationScript s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO automation_scripts (id, profile_id, provider_id, task_type, title, description, script_content,
                    model_used, research_data_json, plan_data_json, approval_status, approved_at, version,
                    execution_count, last_executed_at, last_execution_status, auto_approve_repeat, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, s.id());
            ps.setString(2, profileId);
            ps.setString(3, s.providerId());
            ps.setString(4, s.taskType().dbValue());
            ps.setString(5, s.title());
            ps.setString(6, s.description());
            ps.setString(7, s.scriptContent());
            ps.setString(8, s.modelUsed());
            ps.setString(9, s.researchDataJson());
            ps.setString(10, s.planDataJson());
            ps.setString(11, s.approvalStatus().dbValue());
            ps.setString(12, s.approvedAt());
            ps.setInt(13, s.version());
            ps.setInt(14, s.executionCount());
            ps.setString(15, s.lastExecutedAt());
            ps.setString(16, s.lastExecutionStatus());
            ps.setInt(17, s.autoApproveRepeat() ? 1 : 0);
            ps.setString(18, s.createdAt());
            ps.setString(19, s.updatedAt());
            ps.executeUpdate();
        }
    }

    public Optional<AutomationScript> findById(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE s.profile_id = ? AND s.id = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, id);
            return read(ps).stream().findFirst();
        }
    }

    /** Scripts whose id starts with {@code prefix} (primary key range scan). */
    public List<AutomationScript> findByIdPrefix(Connection c, String prefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE s.profile_id = ? AND s.id >= ? AND s.id < ? ORDER BY s.id LIMIT 10")) {
            ps.setString(1, profileId);
            ps.setString(2, prefix);
            ps.setString(3, prefix + '\uffff');
            return read(ps);
        }
    }

    /** The provider's script with this title, if any (idx_automation_scripts_provider_task narrows by provider). */
    public Optional<AutomationScript> findByProviderAndTitle(Connection c, String providerId, String title)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE s.profile_id = ? AND s.provider_id = ? AND s.title = ? ORDER BY s.created_at LIMIT 1")) {
            ps.setString(1, profileId);
            ps.setString(2, providerId);
            ps.setString(3, title);
            return read(ps).stream().findFirst();
        }
    }

    /** Every script of the profile, most recently changed first (idx_automation_scripts_approval covers profile_id). */
    public List<AutomationScript> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE s.profile_id = ? ORDER BY s.updated_at DESC, s.id")) {
            ps.setString(1, profileId);
            return read(ps);
        }
    }

    /** New content: a new version whose approval starts over. */
    public void updateContent(Connection c, String id, TaskType taskType, String title, String description,
            String content, int version, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE automation_scripts SET task_type = ?, title = ?, description = ?, script_content = ?, version = ?,
                       approval_status = 'pending', approved_at = NULL, updated_at = ?
                 WHERE profile_id = ? AND id = ?""")) {
            ps.setString(1, taskType.dbValue());
            ps.setString(2, title);
            ps.setString(3, description);
            ps.setString(4, content);
            ps.setInt(5, version);
            ps.setString(6, now);
            ps.setString(7, profileId);
            ps.setString(8, id);
            ps.executeUpdate();
        }
    }

    public void setApproval(Connection c, String id, ApprovalStatus status, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE automation_scripts SET approval_status = ?, approved_at = ?, updated_at = ?
                 WHERE profile_id = ? AND id = ?""")) {
            ps.setString(1, status.dbValue());
            ps.setString(2, status == ApprovalStatus.APPROVED ? now : null);
            ps.setString(3, now);
            ps.setString(4, profileId);
            ps.setString(5, id);
            ps.executeUpdate();
        }
    }

    public void setAutoApproveRepeat(Connection c, String id, boolean on, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE automation_scripts SET auto_approve_repeat = ?, updated_at = ? WHERE profile_id = ? AND id = ?""")) {
            ps.setInt(1, on ? 1 : 0);
            ps.setString(2, now);
            ps.setString(3, profileId);
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    /** Counts a finished run; {@code status} is success, failure or aborted. */
    public void recordExecution(Connection c, String id, String status, String at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE automation_scripts SET execution_count = execution_count + 1, last_executed_at = ?,
                       last_execution_status = ?
                 WHERE profile_id = ? AND id = ?""")) {
            ps.setString(1, at);
            ps.setString(2, status);
            ps.setString(3, profileId);
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM automation_scripts WHERE profile_id = ? AND id = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    private static List<AutomationScript> read(PreparedStatement ps) throws SQLException {
        List<AutomationScript> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AutomationScript(rs.getString(1), rs.getString(2), rs.getString(3),
                        TaskType.fromDbValue(rs.getString(4)).orElseThrow(), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        ApprovalStatus.fromDbValue(rs.getString(11)).orElseThrow(), rs.getString(12), rs.getInt(13),
                        rs.getInt(14), rs.getString(15), rs.getString(16), rs.getInt(17) == 1, rs.getString(18),
                        rs.getString(19)));
            }
        }
        return out;
    }
}
