package dev.keyward.app.child;

import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.scan.ValueForms;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte sequences under which one value may show up in a program's output: every form
 * {@link ValueForms} knows (as is and with CR LF line breaks, which a terminal's output processing
 * writes; base64, base64url, percent-encoded, JSON-escaped, hex), less those too short to mask.
 */
final class MaskPatterns {

    /** Values shorter than this (in characters) are not masked: they would match ordinary output. */
    static final int MIN_VALUE_LENGTH = 6;
    /** Derived forms shorter than this are left out for the same reason. */
    private static final int MIN_PATTERN_LENGTH = 6;

    private MaskPatterns() {
    }

    /** The distinct forms of {@code value}, none shorter than 6 bytes; empty for a value shorter than 6 characters. */
    static List<byte[]> of(char[] value) {
        if (Character.codePointCount(value, 0, value.length) < MIN_VALUE_LENGTH) {
            return List.of();
        }
        List<byte[]> patterns = new ArrayList<>();
        for (ValueForms.Form form : ValueForms.of(value)) {
            if (form.bytes().length >= MIN_PATTERN_LENGTH) {
                patterns.add(form.bytes());
            } else {
                Wipe.bytes(form.bytes());
            }
        }
        return patterns;
    }
}
