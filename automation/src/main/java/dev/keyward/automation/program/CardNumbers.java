package dev.keyward.automation.program;

import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * Recognises a payment card number by its value: 13 to 19 digits, optionally grouped by single spaces or
 * dashes, that pass the Luhn check. Works on a {@link CharSequence} so a secret's {@code char[]} can be checked
 * without turning it into a String. Callers never quote what matched.
 */
public final class CardNumbers {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private CardNumbers() {}

    /**
     * Whether the text holds a card number: a run of digits (single spaces or dashes between them allowed) with
     * 13 to 19 digits that passes the Luhn check. A longer run of digits is an identifier, not a card.
     */
    public static boolean containsCardNumber(CharSequence text) {
        if (text == null) {
            return false;
        }
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (!isDigit(text.charAt(i)) || (i > 0 && isDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            // A run starts here: digits, each separated from the next by at most one space or dash.
            int digits = 0;
            int end = i;
            int[] run = new int[MAX_DIGITS + 1];
            while (end < length) {
                char c = text.charAt(end);
                if (isDigit(c)) {
                    if (digits <= MAX_DIGITS) {
                        run[digits] = c - '0';
                    }
                    digits++;
                    end++;
                } else if (isSeparator(c) && end + 1 < length && isDigit(text.charAt(end + 1))
                        && isDigit(text.charAt(end - 1))) {
                    end++;
                } else {
                    break;
                }
            }
            if (digits >= MIN_DIGITS && digits <= MAX_DIGITS && luhn(run, digits)) {
                Arrays.fill(run, 0);
                return true;
            }
            Arrays.fill(run, 0);
            i = Math.max(end, i + 1);
        }
        return false;
    }

    /** Whether the characters hold a card number; see {@link #containsCardNumber(CharSequence)}. */
    public static boolean containsCardNumber(char[] chars) {
        return chars != null && containsCardNumber(CharBuffer.wrap(chars));
    }

    static boolean luhn(int[] digits, int count) {
        int sum = 0;
        for (int k = 0; k < count; k++) {
            int d = digits[count - 1 - k];
            if (k % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }
}
