package dev.keyward.automation.feeds;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Optional;

/** Reads untrusted JSON into a tree and picks text fields without trusting their types. */
final class JsonDocuments {

    // Jackson's default read constraints bound nesting depth and string length for hostile documents.
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonDocuments() {
    }

    /** The document's root object, or empty when it is not valid JSON or not an object. */
    static Optional<JsonNode> readObject(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            return root != null && root.isObject() ? Optional.of(root) : Optional.empty();
        } catch (JacksonException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The field's text if it is a JSON string, else null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
