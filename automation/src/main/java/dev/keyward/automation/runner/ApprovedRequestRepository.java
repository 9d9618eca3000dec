package dev.keyward.automation.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * SQL for {@code automation_approved_requests}: the state-changing requests a person approved for a script, by
 * method, host, path and field names (never a value), always within one profile.
 */
final class ApprovedRequestRepository {

    private final String profileId;

    ApprovedRequestRepository(String profileId) {
        this.profileId = profileId;
    }

    /** Remembers an approval; approving the same action again only refreshes its time. */
    void remember(Connection c, String scriptId, HeldRequest request, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO automation_approved_requests (id, profile_id, script_id, method, host, path, field_names,
                    approved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile_id, script_id, method, host, path, field_names)
                DO UPDATE SET approved_at = excluded.approved_at""")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, profileId);
            ps.setString(3, scriptId);
            ps.setString(4, request.method());
            ps.setString(5, request.host());
            ps.setString(6, request.path());
            ps.setString(7, request.fieldNames());
            ps.setString(8, now);
            ps.executeUpdate();
        }
    }

    /** Whether a person approved this very action (same method, host, path and field names) for the script. */
    boolean approvedBefore(Connection c, String scriptId, HeldRequest request) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM automation_approved_requests
                 WHERE profile_id = ? AND script_id = ? AND method = ? AND host = ? AND path = ? AND field_names = ?""")) {
            ps.setString(1, profileId);
            ps.setString(2, scriptId);
            ps.setString(3, request.method());
            ps.setString(4, request.host());
            ps.setString(5, request.path());
            ps.setString(6, request.fieldNames());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
