package dev.keyward.automation.program;

import java.nio.CharBuffer;

/** RFC 4648 base32 decoding, as authenticator apps write TOTP seeds: any case, spaces and padding ignored. */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    /** Decodes a seed held as characters; the caller owns and wipes {@code seed}. */
    public static byte[] decode(char[] seed) {
        return decode(CharBuffer.wrap(seed));
    }

    /**
     * Decodes a seed into an array sized exactly, so no copy of the seed is left in a growing buffer. A
     * failure names the position only, never the seed.
     *
     * @throws IllegalArgumentException when a character is not base32 or padding is misplaced
     */
    public static byte[] decode(CharSequence text) {
        int symbols = countSymbols(text);
        byte[] out = new byte[symbols * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < text.length() && written < out.length; i++) {
            int value = ALPHABET.indexOf(Character.toUpperCase(text.charAt(i)));
            if (value < 0) {
                continue; // separators, already vetted by countSymbols
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >> bits);
            }
        }
        return out;
    }

    private static int countSymbols(CharSequence text) {
        int symbols = 0;
        boolean padding = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == '=') {
                padding = true;
                continue;
            }
            if (ALPHABET.indexOf(Character.toUpperCase(c)) < 0) {
                throw new IllegalArgumentException("The TOTP seed is not base32 (position " + i
                        + " holds a character outside A-Z and 2-7); copy the seed again from the provider.");
            }
            if (padding) {
                throw new IllegalArgumentException("The TOTP seed has padding ('=') before its end (position " + i
                        + "); copy the seed again from the provider.");
            }
            symbols++;
        }
        return symbols;
    }
}
