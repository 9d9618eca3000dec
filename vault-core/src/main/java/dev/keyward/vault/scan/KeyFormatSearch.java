package dev.keyward.vault.scan;

import java.util.List;

/**
 * Finds keys in a text by their provider's key format. Implementations are thread-safe: one instance
 * serves every file of a parallel scan.
 */
public interface KeyFormatSearch {

    /** The longest key a format can match, in characters; the scanner's chunk overlap covers it. */
    int MAX_KEY_LENGTH = 1024;

    /** Every key in {@code text}, in any order; a key is never longer than {@link #MAX_KEY_LENGTH}. */
    List<FormatHit> find(CharSequence text);

    /** A search that finds nothing. */
    static KeyFormatSearch none() {
        return text -> List.of();
    }
}
