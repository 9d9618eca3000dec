package dev.keyward.vault.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * Renders keys and values as {@code .env} text that dotenv and {@link DotenvParser} read back to
 * the same values, or refuses when that is impossible.
 *
 * <p>Each value is written unquoted when it is plain, else in double quotes (line breaks as
 * {@code \n}), else in single quotes, else in backticks; see {@link DotenvQuoting}. Lines end with
 * LF and the text ends with a line break.
 */
public final class DotenvWriter {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");

    private DotenvWriter() {
    }

    /**
     * Renders the map in its iteration order from {@code char[]} values into a {@code char[]} the
     * caller wipes; no value becomes a String on the way.
     */
    public static char[] renderChars(SequencedMap<String, char[]> values) throws UnrepresentableValueException {
        SecretText out = new SecretText();
        try {
            for (var entry : values.entrySet()) {
                java.nio.CharBuffer value = java.nio.CharBuffer.wrap(entry.getValue());
                DotenvQuoting style = styleFor(entry.getKey(), value);
                out.append(entry.getKey()).append('=');
                style.render(value, out);
                out.append('\n');
            }
            return out.toCharArray();
        } finally {
            out.wipe();
        }
    }

    private static DotenvQuoting styleFor(String key, CharSequence value) throws UnrepresentableValueException {
        if (!KEY.matcher(key).matches() || key.equals("__proto__")) {
            // The rejected key is not echoed: a malformed "key" is sometimes a pasted secret.
            throw new UnrepresentableValueException(key, "a key cannot be written: dotenv keys may"
                    + " only use letters A-Z and a-z, digits, _, . and -, and __proto__ is dropped by"
                    + " dotenv");
        }
        Optional<DotenvQuoting> style = DotenvQuoting.choose(value);
        if (style.isEmpty()) {
            throw new UnrepresentableValueException(key, whyNot(key, value));
        }
        return style.get();
    }

    private static String whyNot(String key, CharSequence value) {
        List<String> reasons = new ArrayList<>();
        for (DotenvQuoting style : List.of(DotenvQuoting.DOUBLE_QUOTES, DotenvQuoting.SINGLE_QUOTES,
                DotenvQuoting.BACKTICKS)) {
            style.blocker(value).ifPresent(reason -> reasons.add(name(style) + ": " + reason));
        }
        return "the value of " + key + " cannot be written so that dotenv reads it back unchanged ("
                + String.join("; ", reasons) + "); dotenv has no escape for these characters, so"
                + " keep this value out of the .env file";
    }

    private static String name(DotenvQuoting style) {
        return switch (style) {
            case UNQUOTED -> "unquoted";
            case DOUBLE_QUOTES -> "double quotes";
            case SINGLE_QUOTES -> "single quotes";
            case BACKTICKS -> "backticks";
        };
    }
}
