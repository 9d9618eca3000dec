package dev.keyward.automation.program;

/**
 * Decides whether text taken from a program (an id, a name, a host) may be repeated in a message: not
 * when it looks like a credential, because a key pasted into the wrong place must not travel on into
 * logs and error columns.
 */
final class Echo {

    private Echo() {}

    static boolean safe(String text) {
        return CredentialLiteralDetector.suspicion(text).isEmpty();
    }

    /** The text in single quotes, or {@code otherwise} when it looks like a credential. */
    static String quoted(String text, String otherwise) {
        return safe(text) ? "'" + text + "'" : otherwise;
    }
}
