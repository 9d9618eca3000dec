package dev.keyward.automation.program;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small heuristic that spots literal text which looks like a real credential, so a program carries
 * {@code {{secret:NAME}}} instead. It errs towards refusing: a false alarm costs an edit, a miss leaks a key.
 */
public final class CredentialLiteralDetector {

    /** Shapes of well-known key formats; the prefix alone (e.g. the word "sk-") is not enough. */
    private static final List<Pattern> KNOWN_FORMATS = List.of(
            Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{16,}"),
            Pattern.compile("(?<![A-Za-z0-9])[sr]k_(?:live|test)_[A-Za-z0-9]{10,}"),
            Pattern.compile("(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{20,}"),
            Pattern.compile("(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
            Pattern.compile("(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{30,}"),
            Pattern.compile("(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}"),
            Pattern.compile("(?<![A-Za-z0-9])hf_[A-Za-z0-9]{30,}"),
            Pattern.compile("(?<![A-Za-z0-9])npm_[A-Za-z0-9]{30,}"),
            Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));

    /** Runs of characters that API keys and tokens are made of ('/' splits, so URL paths are judged per segment). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+=_-]{20,}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-f]{32,}|[0-9A-F]{32,})");

    private CredentialLiteralDetector() {}

    /** Why the text looks like it holds a credential, or empty; the reason never quotes the text. */
    public static Optional<String> suspicion(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String literal = PlaceholderScanner.literalParts(text);
        for (Pattern format : KNOWN_FORMATS) {
            if (format.matcher(literal).find()) {
                return Optional.of("it has the shape of a known API key or token format");
            }
        }
        Matcher tokens = TOKEN.matcher(literal);
        while (tokens.find()) {
            if (looksRandom(tokens.group())) {
                return Optional.of("it contains a long random-looking token");
            }
        }
        return Optional.empty();
    }

    public static boolean looksLikeCredential(String text) {
        return suspicion(text).isPresent();
    }

    static boolean looksRandom(String token) {
        if (HEX.matcher(token).find() && token.chars().anyMatch(Character::isDigit)
                && token.chars().anyMatch(Character::isLetter)) {
            return true;
        }
        boolean upper = token.chars().anyMatch(Character::isUpperCase);
        boolean lower = token.chars().anyMatch(Character::isLowerCase);
        long digits = token.chars().filter(Character::isDigit).count();
        double entropy = shannonBitsPerChar(token);
        // Identifiers like "BillingCapInput2" have digits in one clump; random tokens switch often.
        if (upper && lower && digits > 0 && letterDigitSwitches(token) >= 4 && entropy >= 3.5) {
            return true;
        }
        if (upper && lower && token.length() >= 32 && entropy >= 4.2) {
            return true;
        }
        return lower && !upper && digits >= 4 && token.length() >= 32 && entropy >= 4.0
                && letterDigitSwitches(token) >= 6;
    }

    private static int letterDigitSwitches(String token) {
        int switches = 0;
        for (int i = 1; i < token.length(); i++) {
            boolean previousDigit = Character.isDigit(token.charAt(i - 1));
            boolean currentDigit = Character.isDigit(token.charAt(i));
            if (previousDigit != currentDigit) {
                switches++;
            }
        }
        return switches;
    }

    private static double shannonBitsPerChar(String token) {
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : token.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / token.length();
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }
}
