package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/** Reads the OpenAI/Anthropic-style model list ({@code {"data":[...]}}) that validity probes answer with. */
final class ModelList {

    private ModelList() {
    }

    /** How many models the list names, or empty when the body is not such a list. */
    static OptionalInt count(String body) {
        return JsonBodies.object(body)
                .map(root -> root.get("data"))
                .filter(JsonNode::isArray)
                .map(data -> OptionalInt.of(data.size()))
                .orElse(OptionalInt.empty());
    }
}
