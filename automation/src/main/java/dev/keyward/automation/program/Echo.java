package dev.keyward.automation.program;

/**
 * Decides whether text taken from a program (an id, a name, a host) may be repeated in a message: not
 * when it looks like a credential, because a key pasted into the wrong place must not travel on into
 * logs and error columns.
 */
final class Echo {

    /** Stands in a message for a name that is not repeated. */
    static final String HIDDEN = "(a name that looks like a credential)";

    private Echo() {}

    static boolean safe(String text) {
        return CredentialLiteralDetector.suspicion(text).isEmpty();
    }

    /** The text in single quotes, or {@link #HIDDEN} when it looks like a credential. */
    static String quoted(String text) {
        return safe(text) ? "'" + text + "'" : HIDDEN;
    }
}
