package dev.keyward.vault.env;

import java.util.Optional;

/**
 * The ways a value can be written in a {@code .env} file so that dotenv (and {@link DotenvParser})
 * reads back exactly that value, tried in the order declared here.
 *
 * <p>dotenv has no escape for a backslash or for the quote character itself, so each style has
 * values it cannot carry; {@link #blocker(String)} says which and why.
 */
public enum DotenvQuoting {

    /** {@code KEY=value}: plain text without {@code #}, line breaks or outer white space. */
    UNQUOTED('\0'),
    /** {@code KEY="..."}: line feed and carriage return written as {@code \n} and {@code \r}. */
    DOUBLE_QUOTES('"'),
    /** {@code KEY='...'}: taken literally; line feeds are written as real line breaks. */
    SINGLE_QUOTES('\''),
    /** {@code KEY=`...`}: taken literally; line feeds are written as real line breaks. */
    BACKTICKS('`');

    private final char quote;

    DotenvQuoting(char quote) {
        this.quote = quote;
    }

    /** The first style that can carry {@code value}, or empty when none can. */
    public static Optional<DotenvQuoting> choose(CharSequence value) {
        for (DotenvQuoting style : values()) {
            if (style.blocker(value).isEmpty()) {
                return Optional.of(style);
            }
        }
        return Optional.empty();
    }

    /**
     * Why this style cannot carry {@code value} (a phrase that never quotes the value), or empty
     * when it can.
     */
    public Optional<String> blocker(CharSequence value) {
        if (this == UNQUOTED) {
            return unquotedBlocker(value);
        }
        if (indexOf(value, quote) >= 0) {
            return Optional.of("the value contains " + quote + " itself");
        }
        if (value.length() > 0 && value.charAt(value.length() - 1) == '\\') {
            // A backslash right before the closing quote lets dotenv run on to a later quote.
            return Optional.of("the value ends with a backslash");
        }
        if (this == DOUBLE_QUOTES) {
            if (backslashBefore(value, 'n') || backslashBefore(value, 'r')) {
                return Optional.of("the value contains a backslash followed by n or r, which dotenv"
                        + " would turn into a line break");
            }
        } else if (indexOf(value, '\r') >= 0) {
            return Optional.of("the value contains a carriage return, which only double quotes can"
                    + " carry");
        }
        return Optional.empty();
    }

    /** Appends {@code value} in this style to {@code out}; call only when {@link #blocker} is empty. */
    void render(CharSequence value, SecretText out) {
        if (this == UNQUOTED) {
            out.append(value);
            return;
        }
        out.append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (this == DOUBLE_QUOTES && c == '\n') {
                out.append('\\').append('n');
            } else if (this == DOUBLE_QUOTES && c == '\r') {
                out.append('\\').append('r');
            } else {
                out.append(c);
            }
        }
        out.append(quote);
    }

    private static int indexOf(CharSequence value, char c) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean backslashBefore(CharSequence value, char c) {
        for (int i = 0; i + 1 < value.length(); i++) {
            if (value.charAt(i) == '\\' && value.charAt(i + 1) == c) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> unquotedBlocker(CharSequence value) {
        if (value.length() == 0) {
            return Optional.empty();
        }
        if (JsWhitespace.is(value.charAt(0)) || JsWhitespace.is(value.charAt(value.length() - 1))) {
            return Optional.of("the value starts or ends with white space");
        }
        if (DotenvScanner.isQuote(value.charAt(0))) {
            return Optional.of("the value starts with a quote");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '#' || c == '\n' || c == '\r' || JsWhitespace.isUnicodeLineSeparator(c)) {
                return Optional.of("the value contains #, a line break or a line separator");
            }
        }
        return Optional.empty();
    }
}
