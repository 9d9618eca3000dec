package dev.keyward.automation.discovery.classify;

/** The specific rule that decided a classification; finding writers pick their sentences by it. */
public enum Signal {
    SECURITY_NOTICE,
    DEPRECATION,
    PRICE_INCREASE,
    PRICE_DECREASE,
    PRICING_CHANGE,
    OUTAGE_ONGOING,
    OUTAGE_RESOLVED,
    MAINTENANCE,
    BREAKING_CHANGE,
    SERVICE_CHANGE,
    NEW_ALTERNATIVE,
    NEW_CAPABILITY
}
