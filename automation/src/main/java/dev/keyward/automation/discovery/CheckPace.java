package dev.keyward.automation.discovery;

/**
 * Whether a run keeps each provider's minimum interval between checks, or is a person's explicit request for a
 * fresh check ("Check now", {@code discovery run --now}), which gets one regardless and restarts the interval.
 */
public enum CheckPace {
    /** Scheduled and catch-up runs: a provider checked within its interval is skipped. */
    PACED,
    /** An explicit request: every watched provider is checked now. */
    FRESH
}
