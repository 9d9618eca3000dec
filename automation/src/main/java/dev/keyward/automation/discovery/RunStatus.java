package dev.keyward.automation.discovery;

import java.util.Locale;

/** How a provider's run went; names match seed 002's {@code discovery_search_log.status}. */
public enum RunStatus {
    /** Every source answered (a 304 counts as an answer). */
    SUCCESS,
    /** Some sources failed, others answered. */
    PARTIAL,
    /** No source answered. */
    FAILED;

    /** The stored enum string, e.g. {@code partial}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
