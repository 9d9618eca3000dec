package dev.keyward.automation.scripts;

/** What importing a program did: stored a new script, gave an existing one a new version, or nothing. */
public record ImportOutcome(AutomationScript script, Kind kind) {

    /** Which of the three happened. */
    public enum Kind {
        /** No script of this provider had the title: a new one, pending approval. */
        CREATED,
        /** A script with the title existed and the content hash changed: version bumped, approval cleared. */
        UPDATED,
        /** A script with the title existed with the same content hash: nothing changed. */
        UNCHANGED
    }
}
