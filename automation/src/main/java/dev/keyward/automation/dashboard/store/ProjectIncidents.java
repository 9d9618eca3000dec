package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.ProviderIncident;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which providers of a project's keys have an incident in the latest status data: the service status of
 * each provider's newest dashboard snapshot. It reads only what is stored, so asking costs no network.
 */
public final class ProjectIncidents {

    private final String profileId;

    public ProjectIncidents(String profileId) {
        this.profileId = profileId;
    }

    /** The providers of {@code projectName}'s secrets whose newest snapshot reports degraded or outage, by slug. */
    public List<ProviderIncident> forProject(Connection c, String projectName) throws SQLException {
        // The newest snapshot per provider uses idx_dashboard_snapshots_secret_collected through the correlated subquery.
        String sql = """
                SELECT p.slug, (SELECT d.service_status FROM dashboard_snapshots d
                                 WHERE d.profile_id = s.profile_id AND d.provider_id = p.id
                                 ORDER BY d.collected_at DESC LIMIT 1) AS latest
                  FROM projects pr
                  JOIN project_secrets ps ON ps.project_id = pr.id AND ps.profile_id = pr.profile_id
                  JOIN secrets s ON s.id = ps.secret_id
                  JOIN providers p ON p.id = s.provider_id
                 WHERE pr.profile_id = ? AND pr.name = ?
                 GROUP BY p.id
                 ORDER BY p.slug""";
        List<ProviderIncident> incidents = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, profileId);
            ps.setString(2, projectName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String latest = rs.getString(2);
                    if ("outage".equals(latest) || "degraded".equals(latest)) {
                        incidents.add(new ProviderIncident(rs.getString(1), latest));
                    }
                }
            }
        }
        return incidents;
    }
}
