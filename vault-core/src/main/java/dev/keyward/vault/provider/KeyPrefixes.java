package dev.keyward.vault.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed texts an anchored key pattern can start with: {@code ^(sk|rk)_(live|test)_[A-Za-z0-9]+$}
 * starts with {@code sk_live_}, {@code sk_test_}, {@code rk_live_} or {@code rk_test_}.
 *
 * <p>Only plain literals, escaped punctuation, groups of literal alternatives and small
 * character classes without ranges are expanded; anything else ends the prefix. A search looks
 * for these texts first and runs the pattern only where one occurs.
 */
final class KeyPrefixes {

    /** More alternatives than this are not worth a trie entry each: the prefix stops before them. */
    private static final int MAX_ALTERNATIVES = 64;
    private static final int MAX_CLASS_SIZE = 8;

    private KeyPrefixes() {
    }

    /** The prefixes of {@code regex} (anchored with {@code ^}); a single empty text when it has none. */
    static List<String> of(String regex) {
        List<String> prefixes = List.of("");
        int i = regex.startsWith("^") ? 1 : 0;
        while (i < regex.length()) {
            Atom atom = atom(regex, i);
            if (atom == null) {
                break;
            }
            char next = atom.end() < regex.length() ? regex.charAt(atom.end()) : '$';
            if (next == '?' || next == '*' || next == '{') {
                break;
            }
            if (prefixes.size() * atom.alternatives().size() > MAX_ALTERNATIVES) {
                break;
            }
            List<String> longer = new ArrayList<>();
            for (String prefix : prefixes) {
                for (String alternative : atom.alternatives()) {
                    longer.add(prefix + alternative);
                }
            }
            prefixes = longer;
            if (next == '+') {
                break;
            }
            i = atom.end();
        }
        return List.copyOf(prefixes);
    }

    /** The atom starting at {@code i} if it is fixed text, else null. */
    private static Atom atom(String regex, int i) {
        char c = regex.charAt(i);
        if (c == '\\') {
            return i + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(i + 1))
                    ? new Atom(List.of(String.valueOf(regex.charAt(i + 1))), i + 2) : null;
        }
        if (c == '(') {
            int close = regex.indexOf(')', i);
            if (close < 0) {
                return null;
            }
            String body = regex.substring(i + 1, close);
            if (body.startsWith("?:")) {
                body = body.substring(2);
            }
            List<String> alternatives = new ArrayList<>();
            for (String alternative : body.split("\\|", -1)) {
                String literal = literal(alternative);
                if (literal == null || literal.isEmpty()) {
                    return null;
                }
                alternatives.add(literal);
            }
            return new Atom(alternatives, close + 1);
        }
        if (c == '[') {
            int close = regex.indexOf(']', i);
            if (close < 0) {
                return null;
            }
            String body = regex.substring(i + 1, close);
            if (body.isEmpty() || body.length() > MAX_CLASS_SIZE || literal(body) == null || body.contains("-")) {
                return null;
            }
            return new Atom(body.chars().mapToObj(ch -> String.valueOf((char) ch)).toList(), close + 1);
        }
        if ("[](){}.*+?|^$".indexOf(c) >= 0) {
            return null;
        }
        return new Atom(List.of(String.valueOf(c)), i + 1);
    }

    /** {@code text} with escapes removed when it is plain fixed text, else null. */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length() || Character.isLetterOrDigit(text.charAt(i + 1))) {
                    return null;
                }
                out.append(text.charAt(++i));
            } else if ("[](){}.*+?|^$".indexOf(c) >= 0) {
                return null;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private record Atom(List<String> alternatives, int end) {
    }
}
