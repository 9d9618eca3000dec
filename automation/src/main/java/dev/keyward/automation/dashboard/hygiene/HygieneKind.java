package dev.keyward.automation.dashboard.hygiene;

/** What a hygiene finding is about. */
public enum HygieneKind {
    /** A key nobody used for the configured number of days: it could be revoked. */
    UNUSED,
    /** A key the provider lists that matches no vault secret: an unknown copy. */
    UNKNOWN_COPY,
    /** A provider key whose hint fits several vault keys: it needs a confirmed match. */
    UNCONFIRMED_MATCH,
    /** A vault key the provider no longer lists, or lists as revoked: deleted or revoked upstream. */
    GONE_UPSTREAM,
    /** A key that expires soon. */
    EXPIRING,
    /** A day whose spend was far above the trailing median. */
    SPEND_SPIKE,
    /** A model a deprecation finding retires is still used by a key. */
    RETIRED_MODEL_IN_USE
}
