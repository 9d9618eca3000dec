package dev.keyward.automation.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/**
 * Finds the program in an LLM's answer: models wrap JSON in code fences or a sentence, and some nest
 * it under {@code "program"}. Returns the JSON text of the program object, untouched otherwise.
 */
final class AnswerJson {

    private static final JsonMapper JSON = new JsonMapper();

    private AnswerJson() {}

    static Optional<String> programJson(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return Optional.empty();
        }
        String object = answer.substring(start, end + 1);
        try {
            JsonNode tree = JSON.readTree(object);
            JsonNode nested = tree.get("program");
            if (nested != null && nested.isObject() && !tree.has("steps")) {
                return Optional.of(nested.toString());
            }
        } catch (java.io.IOException e) {
            // not JSON as a whole: let the validator name the place it breaks
        }
        return Optional.of(object);
    }
}
