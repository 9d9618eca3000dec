package dev.keyward.automation.dashboard.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.dashboard.HealthStatus;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/** Snapshot counts per health status, stored as {@code health_counts_json}, and the day's most common status. */
final class HealthCounts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EnumMap<HealthStatus, Long> counts = new EnumMap<>(HealthStatus.class);

    void add(HealthStatus status, long count) {
        if (count > 0) {
            counts.merge(status, count, Long::sum);
        }
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The most common status; a tie goes to the more severe (invalid > outage > degraded > unknown > valid). */
    HealthStatus mostCommon() {
        HealthStatus best = null;
        for (Map.Entry<HealthStatus, Long> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > counts.get(best)
                    || (entry.getValue().equals(counts.get(best)) && entry.getKey().severity() > best.severity())) {
                best = entry.getKey();
            }
        }
        if (best == null) {
            throw new IllegalStateException("No health status was counted.");
        }
        return best;
    }

    /** Reads stored counts; unknown keys or non-numbers make the text unreadable. */
    static HealthCounts parse(String json) {
        HealthCounts parsed = new HealthCounts();
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A daily summary's health counts are not readable JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("A daily summary's health counts are not a JSON object.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isIntegralNumber() || !field.getValue().canConvertToLong() || field.getValue().asLong() < 0) {
                throw new IllegalArgumentException("A daily summary's health count for '" + field.getKey() + "' is not a count.");
            }
            parsed.add(HealthStatus.fromDbValue(field.getKey()), field.getValue().asLong());
        }
        return parsed;
    }

    /** The counts as JSON, keys in a fixed order (most severe first) so equal counts give equal text. */
    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        HealthStatus[] bySeverity = HealthStatus.values().clone();
        Arrays.sort(bySeverity, (a, b) -> Integer.compare(b.severity(), a.severity()));
        for (HealthStatus status : bySeverity) {
            Long count = counts.get(status);
            if (count != null) {
                node.put(status.dbValue(), count);
            }
        }
        return node.toString();
    }
}
