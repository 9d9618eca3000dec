package dev.keyward.vault.provider;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells which provider issued a key by its format alone, without sending it anywhere.
 *
 * <p>When several patterns match (an Anthropic {@code sk-ant-...} key also fits OpenAI's
 * {@code sk-...}), the pattern with the longer literal prefix wins, then the provider listed first
 * in the catalog. The value is never logged, echoed or copied into a {@code String} here: matching
 * runs on a {@link CharBuffer} view of the caller's characters.
 */
public final class KeyFormatDetector {

    /** Longer inputs are not keys; skipping them also bounds the regex work. */
    static final int MAX_KEY_LENGTH = 1024;

    private final List<Candidate> candidates;

    /** Builds a detector over every key pattern in {@code catalog}. */
    public KeyFormatDetector(ProviderCatalog catalog) {
        List<Candidate> all = new ArrayList<>();
        int order = 0;
        for (CatalogProvider provider : catalog.all()) {
            for (Pattern pattern : provider.keyPatterns()) {
                all.add(new Candidate(provider.slug(), pattern, literalPrefixLength(pattern.pattern()), order++));
            }
        }
        all.sort(Comparator.comparingInt(Candidate::prefixLength).reversed()
                .thenComparingInt(Candidate::order));
        this.candidates = List.copyOf(all);
    }

    /** A detector over the bundled catalog. */
    public static KeyFormatDetector bundled() {
        return Bundled.DETECTOR;
    }

    /**
     * The slug of the provider whose key format {@code value} has, ignoring surrounding white
     * space, or empty when no format fits.
     */
    public Optional<String> detect(CharSequence value) {
        Objects.requireNonNull(value, "value");
        int start = 0;
        int end = value.length();
        while (start < end && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (start == end || end - start > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        // A read-only view over the caller's characters: no copy of the secret is made.
        CharBuffer view = CharBuffer.wrap(value, start, end);
        for (Candidate candidate : candidates) {
            if (candidate.pattern().matcher(view).matches()) {
                return Optional.of(candidate.slug());
            }
        }
        return Optional.empty();
    }

    /** Same as {@link #detect(CharSequence)} for a key held in a wipeable {@code char[]}. */
    public Optional<String> detect(char[] value) {
        return detect(CharBuffer.wrap(Objects.requireNonNull(value, "value")));
    }

    /**
     * How many characters at the start of {@code regex} are fixed text: {@code sk-ant-} in
     * {@code ^sk-ant-[A-Za-z0-9_-]{20,}$} gives 7. A longer fixed prefix is a more specific format.
     */
    static int literalPrefixLength(String regex) {
        int i = regex.startsWith("^") ? 1 : 0;
        int length = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
                i += 2;
            } else if ("[](){}.*+?|^$\\".indexOf(c) >= 0) {
                break;
            } else {
                i++;
            }
            // A quantifier after this character would make it optional or repeated: not fixed.
            if (i < regex.length() && "*+?{".indexOf(regex.charAt(i)) >= 0) {
                break;
            }
            length++;
        }
        return length;
    }

    private record Candidate(String slug, Pattern pattern, int prefixLength, int order) {
    }

    private static final class Bundled {
        static final KeyFormatDetector DETECTOR = new KeyFormatDetector(ProviderCatalog.bundled());
    }
}
