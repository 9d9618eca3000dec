package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Reads provider bodies as JSON without ever surfacing a parser message (which can quote the body). */
final class JsonBodies {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    /** The body as a JSON object, or empty when it is missing, too large, not JSON or not an object. */
    static Optional<JsonNode> object(String body) {
        if (body == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static ObjectNode newObject() {
        return JSON.createObjectNode();
    }

    /** A finite, non-negative number field. */
    static OptionalDouble number(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(node.asDouble());
    }

    /** A non-negative integral number field. */
    static OptionalLong whole(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(node.asLong());
    }

    /** A text field whose whole value matches {@code pattern}; anything else is dropped rather than copied. */
    static Optional<String> text(JsonNode parent, String field, String pattern) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || !node.asText().matches(pattern)) {
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** A JSON object as text for a {@code *_json} column, or null when it has no fields. */
    static String columnText(ObjectNode node) {
        return node.isEmpty() ? null : node.toString();
    }
}
