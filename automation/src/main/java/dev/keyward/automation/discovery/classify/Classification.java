package dev.keyward.automation.discovery.classify;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The category and urgency the rules gave an item, the rule that decided it, and the date that
 * drove the urgency when there was one (null otherwise).
 */
public record Classification(FindingCategory category, Urgency urgency, Signal signal, LocalDate keyDate) {

    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(signal, "signal");
    }
}
