package dev.keyward.vault.env;

import java.util.Arrays;

/**
 * A growable {@code char[]} for text that holds secret values (a rendered {@code .env} file): unlike
 * a {@code StringBuilder}, every buffer it outgrows and its last one are wiped.
 */
public final class SecretText {

    private char[] buffer = new char[256];
    private int length;

    public SecretText append(char c) {
        ensure(1);
        buffer[length++] = c;
        return this;
    }

    public SecretText append(CharSequence text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = text.charAt(i);
        }
        return this;
    }

    /** A copy of the text; the caller wipes it. */
    public char[] toCharArray() {
        return Arrays.copyOf(buffer, length);
    }

    public int length() {
        return length;
    }

    /** Zeroes the buffer. */
    public void wipe() {
        Arrays.fill(buffer, '\0');
        length = 0;
    }

    private void ensure(int more) {
        if (length + more <= buffer.length) {
            return;
        }
        char[] bigger = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        Arrays.fill(buffer, '\0');
        buffer = bigger;
    }
}
