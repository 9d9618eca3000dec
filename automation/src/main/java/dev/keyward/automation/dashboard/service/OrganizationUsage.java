package dev.keyward.automation.dashboard.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import java.util.Map;

/** Puts what an admin API reported about a key into that key's snapshot, under {@code admin_api}. */
final class OrganizationUsage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrganizationUsage() {
    }

    static KeyRefreshResult merged(KeyRefreshResult refreshed, Map<String, ObjectNode> usageBySecret) {
        ObjectNode adminApi = usageBySecret.get(refreshed.target().secretId());
        if (adminApi == null) {
            return refreshed;
        }
        ObjectNode usage = existing(refreshed.result().usageStatsJson());
        if (usage.has("admin_api")) {
            return refreshed;
        }
        usage.set("admin_api", adminApi);
        return new KeyRefreshResult(refreshed.target(), refreshed.collectedAt(),
                refreshed.result().withUsageStats(usage.toString()), refreshed.attempts());
    }

    private static ObjectNode existing(String json) {
        if (json == null) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            // Collectors write these objects; an unreadable one is replaced rather than failing the refresh.
            return JSON.createObjectNode();
        }
    }
}
