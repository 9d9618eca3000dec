package dev.keyward.vault.crypto;

import java.security.SecureRandom;

/**
 * A recovery code: 160 random bits written as 32 Crockford base32 characters in eight groups of
 * four, easy to copy by hand. Reading one ignores case, spaces and dashes and maps the look-alike
 * letters O, I and L to digits.
 */
public final class RecoveryCode {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int SYMBOLS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCode() {
    }

    /** A new code as a wipeable password, formatted {@code XXXX-XXXX-...}. */
    public static Password generate() {
        char[] out = new char[SYMBOLS + SYMBOLS / 4 - 1];
        int pos = 0;
        for (int i = 0; i < SYMBOLS; i++) {
            if (i > 0 && i % 4 == 0) {
                out[pos++] = '-';
            }
            out[pos++] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return Password.adopt(out);
    }

    /**
     * The canonical form used for key derivation (32 symbols, no separators), or {@code null} when
     * the input cannot be a recovery code.
     */
    public static Password normalize(Password typed) {
        char[] in = typed.chars();
        char[] out = new char[SYMBOLS];
        int n = 0;
        for (char c : in) {
            if (c == '-' || c == ' ' || c == '\t') {
                continue;
            }
            char u = Character.toUpperCase(c);
            u = switch (u) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> u;
            };
            if (n == SYMBOLS || indexOf(u) < 0) {
                Wipe.chars(out);
                return null;
            }
            out[n++] = u;
        }
        if (n != SYMBOLS) {
            Wipe.chars(out);
            return null;
        }
        return Password.adopt(out);
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
