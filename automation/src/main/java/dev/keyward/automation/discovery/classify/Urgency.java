package dev.keyward.automation.discovery.classify;

import java.util.Locale;

/** How soon the user should look at a finding, least urgent first; names match seed 002's {@code urgency}. */
public enum Urgency {
    INFORMATIONAL,
    ADVISORY,
    ACTION_NEEDED,
    CRITICAL;

    /** The stored enum string, e.g. {@code action_needed}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
