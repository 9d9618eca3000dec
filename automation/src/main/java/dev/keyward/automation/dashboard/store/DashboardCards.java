package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.DashboardCard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.dashboard.UsageReading;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Turns a row of {@link SnapshotRepository#OVERVIEW_SQL} into a {@link DashboardCard}, reading its JSON columns. */
final class DashboardCards {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardCards() {
    }

    /** The card of the current row, or null for a credential secret, which the dashboard does not show. */
    static DashboardCard of(ResultSet rs) throws SQLException {
        String name = rs.getString(2);
        String slug = rs.getString(3);
        if (LoginSecrets.isLoginSecret(name, slug)) {
            return null;
        }
        String usageJson = rs.getString(10);
        UsageReading usage = UsageReading.of(usageJson);
        JsonNode usageNode = tree(usageJson);
        return new DashboardCard(rs.getString(1), name, slug, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                usage.usagePercent().isPresent() ? usage.usagePercent().getAsDouble() : null,
                whole(usageNode, "requests"), whole(usageNode, "limit"),
                usage.cost().isPresent() ? usage.cost().getAsDouble() : null,
                usage.currency().orElse(null), warnings(rs.getString(11)), rs.getString(12));
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
