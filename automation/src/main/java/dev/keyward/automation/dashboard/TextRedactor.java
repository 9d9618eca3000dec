package dev.keyward.automation.dashboard;

/**
 * Scrubs secret values out of a sentence before it is stored or shown; the app implements it with
 * the session's known secret values and common key formats.
 */
@FunctionalInterface
public interface TextRedactor {

    /** The text with every secret value replaced; never returns null for a non-null input. */
    String redact(String text);

    /** A redactor that changes nothing, for code paths that carry no secret and for tests. */
    static TextRedactor none() {
        return text -> text;
    }
}
