package dev.keyward.automation.program;

import java.util.Arrays;
import java.util.Optional;

/** The element state a {@code wait_for} step waits for. */
public enum WaitState {
    VISIBLE("visible"),
    HIDDEN("hidden"),
    ATTACHED("attached");

    private final String jsonName;

    WaitState(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The string used in step program JSON. */
    public String jsonName() {
        return jsonName;
    }

    public static Optional<WaitState> fromJsonName(String value) {
        return Arrays.stream(values()).filter(s -> s.jsonName.equals(value)).findFirst();
    }
}
