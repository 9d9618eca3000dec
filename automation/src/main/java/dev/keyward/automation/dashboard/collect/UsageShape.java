package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads the usage object of OpenAI-compatible providers as Practice Cloud answers it:
 * {@code {"requests":N,"limit":N,"usage_percent":X,"cost":X,"currency":"USD","period":"2026-11"}}.
 *
 * <p>Only these fields are copied, each checked for type and shape, so nothing else a provider puts
 * in its body (an echoed key, an account name) reaches {@code usage_stats_json}.
 */
final class UsageShape {

    private UsageShape() {
    }

    /** The usage fields of {@code body}, or empty when the body carries none of them. */
    static Optional<ObjectNode> read(String body) {
        return JsonBodies.object(body).flatMap(UsageShape::read);
    }

    private static Optional<ObjectNode> read(JsonNode root) {
        ObjectNode usage = JsonBodies.newObject();
        OptionalLong requests = JsonBodies.whole(root, "requests");
        OptionalLong limit = JsonBodies.whole(root, "limit");
        OptionalDouble percent = JsonBodies.number(root, "usage_percent");
        OptionalDouble cost = JsonBodies.number(root, "cost");
        requests.ifPresent(value -> usage.put("requests", value));
        limit.ifPresent(value -> usage.put("limit", value));
        if (percent.isPresent()) {
            usage.put("usage_percent", percent.getAsDouble());
        } else if (requests.isPresent() && limit.isPresent() && limit.getAsLong() > 0) {
            usage.put("usage_percent", requests.getAsLong() * 100.0 / limit.getAsLong());
        }
        cost.ifPresent(value -> usage.put("cost", value));
        if (usage.isEmpty()) {
            return Optional.empty();
        }
        JsonBodies.text(root, "currency", "[A-Za-z]{3}")
                .ifPresent(code -> usage.put("currency", code.toUpperCase(Locale.ROOT)));
        JsonBodies.text(root, "period", "[0-9]{4}-[0-9]{2}(-[0-9]{2})?")
                .ifPresent(period -> usage.put("period", period));
        return Optional.of(usage);
    }
}
