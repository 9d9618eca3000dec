package dev.keyward.automation.discovery;

/** A finding already stored, reduced to what de-duplication compares: its source address and title. */
public record KnownFinding(String url, String title) {
}
