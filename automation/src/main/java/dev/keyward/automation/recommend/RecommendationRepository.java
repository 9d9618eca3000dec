package dev.keyward.automation.recommend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** SQL for {@code service_recommendations}; every statement is scoped to one profile. */
final class RecommendationRepository {

    private static final String SELECT = """
            SELECT r.id, r.project_id, pj.name, r.requirement_text, r.capability_needed, r.recommended_provider_id,
                   pv.slug, r.recommended_service_name, r.rationale, r.pricing_summary, r.free_tier_available,
                   r.documentation_url, r.match_score, r.user_status, r.created_at
              FROM service_recommendations r
              LEFT JOIN projects pj ON pj.id = r.project_id
              LEFT JOIN providers pv ON pv.id = r.recommended_provider_id
            """;

    private final String profileId;

    RecommendationRepository(String profileId) {
        this.profileId = profileId;
    }

    void insert(Connection c, Recommendation r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO service_recommendations (id, profile_id, project_id, requirement_text, capability_needed,
                    recommended_provider_id, recommended_service_name, rationale, pricing_summary, free_tier_available,
                    documentation_url, match_score, user_status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, r.id());
            ps.setString(2, profileId);
            ps.setString(3, r.projectId());
            ps.setString(4, r.requirementText());
            ps.setString(5, r.capabilityNeeded());
            ps.setString(6, r.recommendedProviderId());
            ps.setString(7, r.recommendedServiceName());
            ps.setString(8, r.rationale());
            ps.setString(9, r.pricingSummary());
            if (r.freeTierAvailable() == null) {
                ps.setNull(10, Types.INTEGER);
            } else {
                ps.setInt(10, r.freeTierAvailable() ? 1 : 0);
            }
            ps.setString(11, r.documentationUrl());
            ps.setDouble(12, r.matchScore());
            ps.setString(13, r.userStatus());
            ps.setString(14, r.createdAt());
            ps.executeUpdate();
        }
    }

    /**
     * Whether this project (or no project) already has a recommendation of this service for this
     * capability, whatever its status; a rescan then keeps the user's earlier decision.
     * Uses idx_service_recommendations_project_status.
     */
    boolean exists(Connection c, String projectId, String capability, String serviceName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM service_recommendations
                 WHERE profile_id = ? AND project_id IS ? AND capability_needed = ? AND recommended_service_name = ?""")) {
            ps.setString(1, profileId);
            ps.setString(2, projectId);
            ps.setString(3, capability);
            ps.setString(4, serviceName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** All, or one project's: newest scan first, by capability, best match first (equal scores by name). */
    List<Recommendation> list(Connection c, String projectIdOrNull) throws SQLException {
        String where = projectIdOrNull == null ? " WHERE r.profile_id = ?" : " WHERE r.profile_id = ? AND r.project_id = ?";
        try (PreparedStatement ps = c.prepareStatement(SELECT + where
                + " ORDER BY r.created_at DESC, r.capability_needed, r.match_score DESC, r.recommended_service_name, r.id")) {
            ps.setString(1, profileId);
            if (projectIdOrNull != null) {
                ps.setString(2, projectIdOrNull);
            }
            return read(ps);
        }
    }

    /** Rows whose id starts with {@code prefix} (a whole id matches itself). */
    List<Recommendation> byIdPrefix(Connection c, String prefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE r.profile_id = ? AND substr(r.id, 1, ?) = ? ORDER BY r.id LIMIT 2")) {
            ps.setString(1, profileId);
            ps.setInt(2, prefix.length());
            ps.setString(3, prefix);
            return read(ps);
        }
    }

    void setStatus(Connection c, String id, String status, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE service_recommendations SET user_status = ?, recommended_provider_id = coalesce(?, recommended_provider_id)
                 WHERE profile_id = ? AND id = ?""")) {
            ps.setString(1, status);
            ps.setString(2, providerId);
            ps.setString(3, profileId);
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    private static List<Recommendation> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Recommendation> out = new ArrayList<>();
            while (rs.next()) {
                int free = rs.getInt(11);
                Boolean freeTier = rs.wasNull() ? null : free == 1;
                out.add(new Recommendation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), freeTier, rs.getString(12), rs.getDouble(13), rs.getString(14),
                        rs.getString(15)));
            }
            return out;
        }
    }
}
