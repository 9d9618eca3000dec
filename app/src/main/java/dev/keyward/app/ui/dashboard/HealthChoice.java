package dev.keyward.app.ui.dashboard;

import java.util.function.Predicate;

/** The health filter's choices: everything, only what needs attention, or one health status. */
enum HealthChoice {
    ALL("All keys", card -> true),
    NEEDS_ATTENTION("Needs attention", card -> card.attention().needsAttention()),
    VALID("Valid", card -> "valid".equals(card.healthStatus())),
    DEGRADED("Degraded", card -> "degraded".equals(card.healthStatus())),
    OUTAGE("Outage", card -> "outage".equals(card.healthStatus())),
    INVALID("Invalid", card -> "invalid".equals(card.healthStatus())),
    UNKNOWN("Unknown", card -> "unknown".equals(card.healthStatus())),
    NOT_COLLECTED("Not collected yet", card -> card.healthStatus() == null);

    private final String label;
    private final Predicate<KeyCard> test;

    HealthChoice(String label, Predicate<KeyCard> test) {
        this.label = label;
        this.test = test;
    }

    boolean matches(KeyCard card) {
        return test.test(card);
    }

    @Override
    public String toString() {
        // The combo box shows toString().
        return label;
    }
}
