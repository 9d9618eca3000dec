package dev.keyward.automation.runner;

/**
 * A step could not be done. The message is a sentence for the user that names the step and says what to
 * do; it never holds a secret (it is redacted again before it is stored).
 */
final class StepFailure extends RuntimeException {

    private final boolean retryable;

    private StepFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause, false, false);
        this.retryable = retryable;
    }

    /** A failure that another attempt may not repeat (a slow page, an element not there yet). */
    static StepFailure transientFailure(String message, Throwable cause) {
        return new StepFailure(message, true, cause);
    }

    /** A failure no retry can fix (a blocked domain, a missing secret, a rule). */
    static StepFailure permanent(String message) {
        return new StepFailure(message, false, null);
    }

    boolean retryable() {
        return retryable;
    }
}
