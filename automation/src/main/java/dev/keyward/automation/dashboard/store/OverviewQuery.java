package dev.keyward.automation.dashboard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.dashboard.UsageReading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard overview: every key that has a provider, with its latest snapshot. One query;
 * the latest snapshot per key is the first entry of idx_dashboard_snapshots_secret_collected (its
 * rowid, so the row is fetched once),
 * the keys come in name order from the UNIQUE (profile_id, name) index of secrets.
 *
 * <p>The snapshot index is named with {@code INDEXED BY}: without statistics SQLite prefers
 * idx_dashboard_snapshots_profile_collected, whose time order looks attractive, and then reads
 * every snapshot of the profile once per key (minutes instead of milliseconds for 1,000 keys).
 */
public final class OverviewQuery {

    /** The overview SQL; the benchmark prints its EXPLAIN QUERY PLAN. */
    public static final String SQL = """
            SELECT s.id, s.name, p.slug, p.name, d.collected_at, d.collection_method, d.collection_status,
                   d.health_status, d.service_status, d.usage_stats_json, d.warnings_json, d.error_message_redacted
              FROM secrets s
              JOIN providers p ON p.id = s.provider_id
              LEFT JOIN dashboard_snapshots d ON d.rowid = (
                       SELECT x.rowid FROM dashboard_snapshots x INDEXED BY idx_dashboard_snapshots_secret_collected
                        WHERE x.secret_id = s.id AND x.profile_id = s.profile_id
                        ORDER BY x.collected_at DESC
                        LIMIT 1)
             WHERE s.profile_id = ? AND p.profile_id = s.profile_id
             ORDER BY s.name""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String profileId;

    public OverviewQuery(String profileId) {
        this.profileId = profileId;
    }

    /** One card per key that has a provider, in name order; credential secrets are left out. */
    public List<DashboardCard> cards(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                List<DashboardCard> cards = new ArrayList<>();
                while (rs.next()) {
                    String name = rs.getString(2);
                    String slug = rs.getString(3);
                    if (LoginSecrets.isLoginSecret(name, slug)) {
                        continue;
                    }
                    String usageJson = rs.getString(10);
                    UsageReading usage = UsageReading.of(usageJson);
                    JsonNode usageNode = tree(usageJson);
                    cards.add(new DashboardCard(rs.getString(1), name, slug, rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            usage.usagePercent().isPresent() ? usage.usagePercent().getAsDouble() : null,
                            whole(usageNode, "requests"), whole(usageNode, "limit"),
                            usage.cost().isPresent() ? usage.cost().getAsDouble() : null,
                            usage.currency().orElse(null), warnings(rs.getString(11)), rs.getString(12)));
                }
                return cards;
            }
        }
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Written by Keyward itself; an unreadable row shows no figures rather than failing the overview.
            return null;
        }
    }

    private static Long whole(JsonNode node, String field) {
        if (node == null || !node.path(field).canConvertToLong() || !node.path(field).isIntegralNumber()) {
            return null;
        }
        return node.path(field).asLong();
    }

    private static List<String> warnings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
