package dev.keyward.vault.provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds keys in the catalog's provider formats anywhere inside a text: a key inside
 * {@code KEY="..."}, JSON, YAML, a URL or source code.
 *
 * <p>One pass over the text looks for every key pattern's literal prefixes ({@code ghp_},
 * {@code sk-ant-}, {@code AKIA}, ...) and for the name hints of shapes too weak to report alone
 * ({@code ALGOLIA}); only where one of them occurs is a pattern run, at that spot. Every prefix and
 * hint is at least two characters long, so the pass looks each pair of characters up in a table
 * and compares the few prefixes starting with that pair; ordinary text rarely gets further than
 * the table (an Aho-Corasick automaton over the same words was three to four times slower; see
 * docs/performance.md, Scan).
 * A prefixed key must stand on its own (no letter, digit or underscore directly before or after
 * it); a hinted shape counts only as the value assigned to a name holding the hint. Where a
 * provider's shape is weak, a match must also look random ({@link KeyFormat#minEntropy()}) and
 * hold no short placeholder word ({@code your}); no match may hold a run of one repeated
 * character or a long placeholder word, the marks of a placeholder
 * ({@code sk_test_xxxxxxxxxxxxxxxx}, {@code ...ExampleOnly...}). Where several formats fit the
 * same key, the one the {@link KeyFormatDetector} would choose for the whole value wins.
 */
public final class KeyFormatFinder {

    /** A prefix shorter than this (or none) is no evidence: such patterns need a name hint. */
    static final int MIN_PREFIX_LENGTH = 2;
    private static final int MAX_NAME_TAIL = 64;
    /** A random key of any catalog alphabet practically never repeats one character this often in a row. */
    static final int PLACEHOLDER_RUN = 8;
    /** Words of five letters or more: a random key holds one by chance less than once in ten million. */
    private static final List<String> PLACEHOLDER_WORDS = List.of("example", "placeholder", "redacted", "dummy",
            "changeme", "insert", "notareal");
    /** Short placeholder words, refused only in weak shapes, where a chance hit costs little. */
    private static final List<String> WEAK_PLACEHOLDER_WORDS = List.of("xxxx", "your");

    /** Prefixes and hints by their first two characters ({@code c0 << 8 | c1}, both below 256). */
    private final Keyword[][] byPair = new Keyword[1 << 16][];

    /** Builds a finder over every key format in {@code catalog}. */
    public KeyFormatFinder(ProviderCatalog catalog) {
        List<Ranked> ranked = new ArrayList<>();
        int order = 0;
        for (CatalogProvider provider : catalog.all()) {
            for (Pattern pattern : provider.keyPatterns()) {
                ranked.add(new Ranked(provider, pattern, KeyFormatDetector.literalPrefixLength(pattern.pattern()), order++));
            }
        }
        // The detector's order: the longer literal prefix first, then catalog order.
        ranked.sort(Comparator.comparingInt(Ranked::prefixLength).reversed().thenComparingInt(Ranked::order));
        Map<String, Entry> entries = new HashMap<>();
        Map<String, List<Pattern>> prefixless = new HashMap<>();
        for (int rank = 0; rank < ranked.size(); rank++) {
            Ranked r = ranked.get(rank);
            List<String> prefixes = KeyPrefixes.of(r.pattern().pattern());
            if (prefixes.stream().anyMatch(p -> p.length() < MIN_PREFIX_LENGTH)) {
                prefixless.computeIfAbsent(r.provider().slug(), s -> new ArrayList<>()).add(r.pattern());
                continue;
            }
            PrefixRule rule = new PrefixRule(r.provider().slug(), unanchored(r.pattern()), rank,
                    r.provider().keyFormat().minEntropy());
            for (String prefix : prefixes) {
                entries.computeIfAbsent(prefix, k -> new Entry()).prefixRules.add(rule);
            }
        }
        for (CatalogProvider provider : catalog.all()) {
            List<Pattern> hinted = new ArrayList<>(provider.keyFormat().hintedPatterns());
            hinted.addAll(prefixless.getOrDefault(provider.slug(), List.of()));
            if (hinted.isEmpty()) {
                continue;
            }
            if (provider.keyFormat().nameHints().isEmpty()) {
                throw new IllegalArgumentException("provider " + provider.slug()
                        + " has a key pattern without a literal prefix and no name hints");
            }
            HintRule rule = new HintRule(provider.slug(), List.copyOf(hinted), provider.keyFormat().minEntropy());
            for (String hint : provider.keyFormat().nameHints()) {
                // The text is matched case-sensitively (one fast pass); names come in these casings.
                String lower = hint.toLowerCase(Locale.ROOT);
                for (String form : new LinkedHashSet<>(List.of(hint, hint.toUpperCase(Locale.ROOT), lower,
                        Character.toUpperCase(lower.charAt(0)) + lower.substring(1)))) {
                    entries.computeIfAbsent(form, k -> new Entry()).hintRules.add(rule);
                }
            }
        }
        entries.forEach((text, entry) -> {
            if (text.length() < MIN_PREFIX_LENGTH || text.charAt(0) > 255 || text.charAt(1) > 255) {
                throw new IllegalArgumentException("a key prefix or name hint must start with two Latin-1 characters");
            }
            int pair = text.charAt(0) << 8 | text.charAt(1);
            Keyword[] old = byPair[pair] == null ? new Keyword[0] : byPair[pair];
            Keyword[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = new Keyword(text, entry);
            byPair[pair] = grown;
        });
    }

    /** A finder over the bundled catalog. */
    public static KeyFormatFinder bundled() {
        return Bundled.FINDER;
    }

    /** Every key in a catalog format inside {@code text}, in text order, none overlapping. */
    public List<KeyFormatMatch> find(CharSequence text) {
        Objects.requireNonNull(text, "text");
        Map<Integer, Best> prefixed = new HashMap<>();
        List<KeyFormatMatch> found = new ArrayList<>();
        int n = text.length();
        char next = n > 0 ? text.charAt(0) : 0;
        for (int i = 0; i + 1 < n; i++) {
            char c = next;
            next = text.charAt(i + 1);
            if ((c | next) > 255) {
                continue;
            }
            Keyword[] keywords = byPair[c << 8 | next];
            if (keywords == null) {
                continue;
            }
            for (Keyword keyword : keywords) {
                if (!startsWith(text, i, keyword.text())) {
                    continue;
                }
                Entry entry = keyword.entry();
                if (!entry.prefixRules.isEmpty()) {
                    matchPrefixed(text, i, entry.prefixRules, prefixed);
                }
                if (!entry.hintRules.isEmpty()) {
                    matchHinted(text, i + keyword.text().length(), entry.hintRules, found);
                }
            }
        }
        prefixed.values().forEach(best -> found.add(best.match()));
        return withoutOverlaps(found);
    }

    private static void matchPrefixed(CharSequence text, int start, List<PrefixRule> rules, Map<Integer, Best> best) {
        if (!standsAlone(text, start)) {
            return;
        }
        Best current = best.get(start);
        int regionEnd = Math.min(text.length(), start + KeyFormatDetector.MAX_KEY_LENGTH);
        for (PrefixRule rule : rules) {
            if (current != null && current.rank() <= rule.rank()) {
                return;
            }
            Matcher m = rule.body().matcher(text).region(start, regionEnd);
            if (m.lookingAt() && !isWordChar(text, m.end())
                    && plausible(text, start, m.end(), rule.minEntropy())) {
                best.put(start, new Best(rule.rank(), new KeyFormatMatch(rule.slug(), start, m.end(), false)));
                return;
            }
        }
    }

    private static void matchHinted(CharSequence text, int afterHint, List<HintRule> rules, List<KeyFormatMatch> found) {
        int[] value = assignedValue(text, afterHint);
        if (value == null) {
            return;
        }
        for (HintRule rule : rules) {
            for (Pattern pattern : rule.patterns()) {
                if (pattern.matcher(text).region(value[0], value[1]).matches()
                        && plausible(text, value[0], value[1], rule.minEntropy())) {
                    found.add(new KeyFormatMatch(rule.slug(), value[0], value[1], true));
                    return;
                }
            }
        }
    }

    /**
     * The span of the value assigned to the name whose hint ends at {@code i}: the rest of the
     * name, an optional closing quote, {@code =}, {@code :}, {@code :=} or {@code =>}, an
     * optional opening quote, then the value. Null when there is no such assignment or the name
     * ends in "id" (an identifier, not a secret).
     */
    static int[] assignedValue(CharSequence text, int i) {
        int n = text.length();
        int p = i;
        int limit = Math.min(n, i + MAX_NAME_TAIL);
        while (p < limit && isNameChar(text.charAt(p))) {
            p++;
        }
        if (p - 2 >= 0 && Character.toLowerCase(text.charAt(p - 2)) == 'i'
                && Character.toLowerCase(text.charAt(p - 1)) == 'd') {
            return null;
        }
        if (p < n && isQuote(text.charAt(p))) {
            p++;
        }
        p = skipBlanks(text, p);
        if (p + 1 < n && (text.charAt(p) == ':' || text.charAt(p) == '=') && (text.charAt(p + 1) == '='
                || text.charAt(p + 1) == '>')) {
            p += 2;
        } else if (p < n && (text.charAt(p) == ':' || text.charAt(p) == '=')) {
            p++;
        } else {
            return null;
        }
        p = skipBlanks(text, p);
        if (p < n && isQuote(text.charAt(p))) {
            p++;
        }
        int start = p;
        int end = Math.min(n, start + KeyFormatDetector.MAX_KEY_LENGTH);
        while (p < end && isValueChar(text.charAt(p))) {
            p++;
        }
        // A sentence's full stop or a list's comma is not part of the value.
        while (p > start && (text.charAt(p - 1) == '.' || text.charAt(p - 1) == ',')) {
            p--;
        }
        return p > start ? new int[] {start, p} : null;
    }

    /** True when nothing key-like runs into {@code start} from the left. */
    private static boolean standsAlone(CharSequence text, int start) {
        if (!isWordChar(text, start - 1)) {
            return true;
        }
        // After an escape such as \n in a JSON or C string, or after a URL-encoded %3D.
        if (start >= 2 && text.charAt(start - 2) == '\\') {
            return true;
        }
        return start >= 3 && text.charAt(start - 3) == '%' && isHex(text.charAt(start - 2)) && isHex(text.charAt(start - 1));
    }

    /**
     * True unless the match is a placeholder: a run of one repeated character
     * ({@code sk_test_xxxxxxxx...}) or a placeholder word ({@code ...ExampleOnly...}) for every
     * provider, and for weak shapes also a short placeholder word or too little entropy.
     */
    static boolean plausible(CharSequence text, int start, int end, Double minEntropy) {
        int run = 1;
        for (int i = start + 1; i < end; i++) {
            run = text.charAt(i) == text.charAt(i - 1) ? run + 1 : 1;
            if (run >= PLACEHOLDER_RUN) {
                return false;
            }
        }
        for (String word : PLACEHOLDER_WORDS) {
            if (containsIgnoringCase(text, start, end, word)) {
                return false;
            }
        }
        if (minEntropy == null) {
            return true;
        }
        for (String word : WEAK_PLACEHOLDER_WORDS) {
            if (containsIgnoringCase(text, start, end, word)) {
                return false;
            }
        }
        return entropy(text, start, end) >= minEntropy;
    }

    /** Compares in place: no copy of the candidate key is made. */
    private static boolean containsIgnoringCase(CharSequence text, int start, int end, String lowerWord) {
        for (int i = start; i + lowerWord.length() <= end; i++) {
            int j = 0;
            while (j < lowerWord.length() && Character.toLowerCase(text.charAt(i + j)) == lowerWord.charAt(j)) {
                j++;
            }
            if (j == lowerWord.length()) {
                return true;
            }
        }
        return false;
    }

    /** Shannon entropy in bits per character of {@code text[start, end)}. */
    static double entropy(CharSequence text, int start, int end) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double length = end - start;
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                bits -= count / length * (Math.log(count / length) / Math.log(2));
            }
        }
        if (other > 0) {
            bits -= other / length * (Math.log(other / length) / Math.log(2));
        }
        return bits;
    }

    private static List<KeyFormatMatch> withoutOverlaps(List<KeyFormatMatch> found) {
        found.sort(Comparator.comparingInt(KeyFormatMatch::start)
                .thenComparing(Comparator.comparingInt(KeyFormatMatch::end).reversed()));
        List<KeyFormatMatch> kept = new ArrayList<>();
        int keptEnd = -1;
        for (KeyFormatMatch match : found) {
            if (match.start() >= keptEnd) {
                kept.add(match);
                keptEnd = match.end();
            }
        }
        return List.copyOf(kept);
    }

    private static Pattern unanchored(Pattern anchored) {
        String regex = anchored.pattern();
        return Pattern.compile(regex.substring(1, regex.length() - 1));
    }

    private static boolean startsWith(CharSequence text, int at, String word) {
        if (at + word.length() > text.length()) {
            return false;
        }
        for (int j = 2; j < word.length(); j++) { // the first two matched the table
            if (text.charAt(at + j) != word.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(CharSequence text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
    }

    private static boolean isValueChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "_-./+=~".indexOf(c) >= 0);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    private static int skipBlanks(CharSequence text, int p) {
        while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    private record Ranked(CatalogProvider provider, Pattern pattern, int prefixLength, int order) {
    }

    private record PrefixRule(String slug, Pattern body, int rank, Double minEntropy) {
    }

    private record HintRule(String slug, List<Pattern> patterns, Double minEntropy) {
    }

    private record Best(int rank, KeyFormatMatch match) {
    }

    private record Keyword(String text, Entry entry) {
    }

    /** What one prefix or hint stands for: the start of some keys, a name hint, or both. */
    private static final class Entry {
        final List<PrefixRule> prefixRules = new ArrayList<>();
        final List<HintRule> hintRules = new ArrayList<>();
    }

    private static final class Bundled {
        static final KeyFormatFinder FINDER = new KeyFormatFinder(ProviderCatalog.bundled());
    }
}
