package dev.keyward.vault.env;

/**
 * The characters JavaScript's {@code \s} and {@code String.prototype.trim} treat as white space;
 * dotenv skips and trims exactly these, so Keyward must too (Java's {@code \s} and
 * {@link String#strip()} differ from them).
 */
final class JsWhitespace {

    private JsWhitespace() {
    }

    /** True for ECMAScript WhiteSpace and LineTerminator code units. */
    static boolean is(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029',
                 '\u202F', '\u205F', '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** True for white space that does not end a line in a normalized text (everything but LF). */
    static boolean isBlank(char c) {
        return c != '\n' && is(c);
    }

    /** True for the Unicode line and paragraph separators, which JavaScript treats as line ends. */
    static boolean isUnicodeLineSeparator(char c) {
        return c == '\u2028' || c == '\u2029';
    }
}
