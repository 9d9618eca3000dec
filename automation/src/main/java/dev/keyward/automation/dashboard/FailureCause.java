package dev.keyward.automation.dashboard;

/**
 * Why a collection did not get everything it asked for; not stored, it tells the refresher whether
 * another attempt may succeed.
 */
public enum FailureCause {
    /** Nothing went wrong. */
    NONE(false),
    /** The provider answered 401 or 403: the key is wrong, revoked or lacks permission. */
    KEY_REJECTED(false),
    /** The provider answered 429. */
    RATE_LIMITED(true),
    /** The provider answered 5xx. */
    SERVER_ERROR(true),
    /** No answer arrived within the request timeout. */
    TIMEOUT(true),
    /** The connection failed (refused, reset, name not resolved). */
    UNREACHABLE(true),
    /** The provider answered 2xx, but with a body Keyward could not read. */
    MALFORMED_RESPONSE(false),
    /** A scraper's selector no longer matched the provider's page: the page changed (drift). */
    SELECTOR_DRIFT(false),
    /** The provider answered a status that none of the rules above covers (404 on a required endpoint, 3xx, 400). */
    UNEXPECTED_STATUS(false),
    /** The API base URL is not usable (not http/https, or carries credentials). */
    BAD_CONFIGURATION(false),
    /** The key holds characters no HTTP header can carry (spaces, line breaks, non-ASCII), so it was not sent. */
    KEY_NOT_SENDABLE(false),
    /** The key's value could not be read from the vault (locked, deleted meanwhile). */
    KEY_UNAVAILABLE(false),
    /** A collector or scraper failed in a way it should have reported as a result (a defect). */
    COLLECTOR_DEFECT(false),
    /** Neither an API collector, a scraper nor an earlier snapshot was available. */
    NO_COLLECTOR(false),
    /** The refresh was stopped (lock and stop, shutdown) while this collection ran. */
    INTERRUPTED(false);

    private final boolean retryable;

    FailureCause(boolean retryable) {
        this.retryable = retryable;
    }

    /** True for transient causes (429, 5xx, timeouts, connection failures) worth another attempt. */
    public boolean retryable() {
        return retryable;
    }

    /**
     * True when the provider's answer or page no longer has the shape Keyward reads (seed 003's drift):
     * the app raises a drift alert and marks the selector broken.
     */
    public boolean indicatesDrift() {
        return this == SELECTOR_DRIFT || this == MALFORMED_RESPONSE;
    }

    /** True when the cause points at the provider's service rather than at the key or at Keyward. */
    public boolean pointsAtService() {
        return this == SERVER_ERROR || this == TIMEOUT || this == UNREACHABLE;
    }
}
