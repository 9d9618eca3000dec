package dev.keyward.vault.env;

import dev.keyward.vault.redact.Redactor;

/**
 * How text taken from a .env file's keys is shown in a message. A key is whatever stands before
 * {@code =}, so a pasted value ({@code sk-live-...=}) is a key too: key-shaped text is masked by
 * the redactor's format rules, and a key is cut to a length a message needs.
 */
public final class DotenvKeys {

    /** Longer keys are cut to this many characters (and an ellipsis) in a message. */
    static final int SHOWN_LENGTH = 64;

    private static final Redactor FORMATS = Redactor.formatsOnly();

    private DotenvKeys() {
    }

    /** {@code key} as a message may show it: key-shaped text masked, at most {@link #SHOWN_LENGTH} characters. */
    public static String shown(String key) {
        String masked = masked(key);
        return masked.length() <= SHOWN_LENGTH ? masked : masked.substring(0, SHOWN_LENGTH) + "…";
    }

    /** {@code text} (a detail that may name a key, or a secret named after one) with key-shaped text masked. */
    public static String masked(String text) {
        return FORMATS.redact(text);
    }
}
