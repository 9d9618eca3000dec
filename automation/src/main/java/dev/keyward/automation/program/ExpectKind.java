package dev.keyward.automation.program;

import java.util.Arrays;
import java.util.Optional;

/** What an {@code expect} step asserts about the page. */
public enum ExpectKind {
    /** The element's text contains {@code value}. */
    TEXT("text"),
    /** The element is visible. */
    VISIBLE("visible"),
    /** The page URL matches the pattern in {@code value}. */
    URL("url");

    private final String jsonName;

    ExpectKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The string used in step program JSON. */
    public String jsonName() {
        return jsonName;
    }

    public static Optional<ExpectKind> fromJsonName(String value) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(value)).findFirst();
    }
}
