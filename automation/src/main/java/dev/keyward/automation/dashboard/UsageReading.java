package dev.keyward.automation.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The few figures of a {@code usage_stats_json} object that warnings and daily summaries use:
 * usage percent, the billing period's cumulative cost and its currency.
 *
 * @param usagePercent {@code usage_percent}, else {@code requests / limit * 100}, when present
 * @param cost         {@code cost}: the provider's billing period so far (cumulative), when present
 * @param currency     {@code currency}, when present
 */
public record UsageReading(OptionalDouble usagePercent, OptionalDouble cost, Optional<String> currency) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UsageReading NOTHING =
            new UsageReading(OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty());

    /** Reads a stored {@code usage_stats_json}; null, non-JSON or non-object text reads as nothing. */
    public static UsageReading of(String usageStatsJson) {
        if (usageStatsJson == null || usageStatsJson.isBlank()) {
            return NOTHING;
        }
        JsonNode root;
        try {
            root = JSON.readTree(usageStatsJson);
        } catch (JsonProcessingException e) {
            // Rows are written by this package; an unreadable one contributes no figures rather than failing retention.
            return NOTHING;
        }
        if (root == null || !root.isObject()) {
            return NOTHING;
        }
        OptionalDouble percent = finiteNonNegative(root.get("usage_percent"));
        if (percent.isEmpty()) {
            OptionalDouble requests = finiteNonNegative(root.get("requests"));
            OptionalDouble limit = finiteNonNegative(root.get("limit"));
            if (requests.isPresent() && limit.isPresent() && limit.getAsDouble() > 0) {
                percent = OptionalDouble.of(requests.getAsDouble() / limit.getAsDouble() * 100.0);
            }
        }
        JsonNode currencyNode = root.get("currency");
        Optional<String> currency = currencyNode != null && currencyNode.isTextual()
                ? Optional.of(currencyNode.asText())
                : Optional.empty();
        return new UsageReading(percent, finiteNonNegative(root.get("cost")), currency);
    }

    private static OptionalDouble finiteNonNegative(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return OptionalDouble.empty();
        }
        double value = node.asDouble();
        return Double.isFinite(value) && value >= 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
