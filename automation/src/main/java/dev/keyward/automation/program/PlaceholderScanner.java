package dev.keyward.automation.program;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the placeholders in a string field and the {@code {{...}}} sequences that are not well formed. */
public final class PlaceholderScanner {

    /** Vault secret names: what the vault accepts as a name, nothing that needs quoting. */
    public static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    /** Declared input names. */
    public static final Pattern INPUT_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private static final Pattern WELL_FORMED = Pattern.compile(
            "\\{\\{(?:secret:(" + SECRET_NAME.pattern() + ")|input:(" + INPUT_NAME.pattern()
                    + ")|provider\\.([a-z_]{1,32}))}}");

    /** A placeholder and where it sits in the scanned string ({@code end} exclusive). */
    public record Token(int start, int end, Placeholder placeholder) {}

    /**
     * The result of a scan.
     *
     * @param malformedAt start offsets of {@code {{} sequences that are not a valid placeholder
     */
    public record Scan(List<Token> tokens, List<Integer> malformedAt) {
        public boolean wellFormed() {
            return malformedAt.isEmpty();
        }

        public List<Placeholder> placeholders() {
            return tokens.stream().map(Token::placeholder).toList();
        }
    }

    private PlaceholderScanner() {}

    public static Scan scan(String text) {
        List<Token> tokens = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        if (text == null) {
            return new Scan(tokens, malformed);
        }
        Matcher matcher = WELL_FORMED.matcher(text);
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                break;
            }
            matcher.region(open, text.length());
            Placeholder found = matcher.lookingAt() ? toPlaceholder(matcher) : null;
            if (found == null) {
                malformed.add(open);
                from = open + 2;
            } else {
                tokens.add(new Token(open, matcher.end(), found));
                from = matcher.end();
            }
        }
        return new Scan(List.copyOf(tokens), List.copyOf(malformed));
    }

    /** The text with every well-formed placeholder replaced by a space, for checks on the literal parts. */
    public static String literalParts(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (Token token : scan(text).tokens()) {
            out.append(text, from, token.start()).append(' ');
            from = token.end();
        }
        return out.append(text, from, text.length()).toString();
    }

    private static Placeholder toPlaceholder(Matcher matcher) {
        if (matcher.group(1) != null) {
            return new Placeholder.SecretRef(matcher.group(1));
        }
        if (matcher.group(2) != null) {
            return new Placeholder.InputRef(matcher.group(2));
        }
        return ProviderField.fromJsonName(matcher.group(3))
                .<Placeholder>map(Placeholder.ProviderRef::new)
                .orElse(null);
    }
}
