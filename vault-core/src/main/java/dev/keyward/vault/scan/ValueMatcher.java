package dev.keyward.vault.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Every form of every known value in one Aho-Corasick automaton, so a text is read once whatever the
 * number of values. The automaton is built over ISO-8859-1 text (one {@code char} per byte), so it
 * matches the UTF-8 bytes of a value in a file read the same way.
 *
 * <p>Most text holds no form at all, so a prefilter comes first: a bit table of the forms' first four
 * bytes (hashed) is checked at every offset, and only where it says a form may start does the automaton
 * read a window of the longest form's length from there. The automaton alone reads about ten times slower.
 *
 * <p>The library keeps its keywords as {@code String}s for as long as the matcher lives; a scan holds
 * the matcher for its own duration only, and the {@code char[]} values it was built from are wiped by
 * {@link KnownValues#close()} right after building.
 */
public final class ValueMatcher {

    /**
     * Values shorter than this many characters are not searched: a short value (a port, {@code true}, a
     * region name imported from a {@code .env}) would match ordinary text everywhere.
     */
    public static final int DEFAULT_MIN_VALUE_LENGTH = 8;

    /** One place a form was found: {@code [start, end)} in the text. */
    record Match(int start, int end, Needle needle) {
    }

    /** The prefilter looks at this many first bytes of every form; no form is shorter. */
    private static final int PREFIX = 4;
    private static final int TABLE_BITS = 20;

    private final PayloadTrie<List<Needle>> trie;
    private final long[] starts;
    private final int longestForm;
    private final int searched;
    private final int tooShort;

    private ValueMatcher(PayloadTrie<List<Needle>> trie, long[] starts, int longestForm, int searched, int tooShort) {
        this.trie = trie;
        this.starts = starts;
        this.longestForm = longestForm;
        this.searched = searched;
        this.tooShort = tooShort;
    }

    /** A matcher that finds nothing (a scan by key formats alone). */
    public static ValueMatcher empty() {
        return new ValueMatcher(null, null, 0, 0, 0);
    }

    /** A matcher over {@code values}, leaving out values shorter than {@link #DEFAULT_MIN_VALUE_LENGTH}. */
    public static ValueMatcher of(KnownValues values) {
        return of(values, DEFAULT_MIN_VALUE_LENGTH);
    }

    /** A matcher over every value of {@code values} at least {@code minValueLength} characters long. */
    public static ValueMatcher of(KnownValues values, int minValueLength) {
        // One keyword per distinct form: two secrets (or versions) with one value share it, and the library
        // keeps a single payload per keyword.
        Map<String, List<Needle>> needles = new LinkedHashMap<>();
        long[] starts = new long[(1 << TABLE_BITS) / 64];
        int minFormLength = Math.max(PREFIX, minValueLength);
        int longest = 0;
        int searched = 0;
        int tooShort = 0;
        for (KnownValues.Entry entry : values.entries()) {
            char[] value = entry.value();
            if (Character.codePointCount(value, 0, value.length) < minValueLength) {
                tooShort++;
                continue;
            }
            boolean any = false;
            for (ValueForms.Form form : ValueForms.of(value)) {
                if (form.bytes().length >= minFormLength) {
                    int slot = slot(prefix(form.bytes(), 0));
                    starts[slot >>> 6] |= 1L << slot;
                    needles.computeIfAbsent(new String(form.bytes(), StandardCharsets.ISO_8859_1), k -> new ArrayList<>())
                            .add(new Needle(entry.owner(), form.encoding()));
                    longest = Math.max(longest, form.bytes().length);
                    any = true;
                }
                dev.keyward.vault.crypto.Wipe.bytes(form.bytes());
            }
            searched += any ? 1 : 0;
        }
        if (searched == 0) {
            return new ValueMatcher(null, null, 0, 0, tooShort);
        }
        PayloadTrie.PayloadTrieBuilder<List<Needle>> builder = PayloadTrie.builder();
        needles.forEach((keyword, owners) -> builder.addKeyword(keyword, List.copyOf(owners)));
        return new ValueMatcher(builder.build(), starts, longest, searched, tooShort);
    }

    /** The length in bytes of the longest form: a chunk's overlap must be at least this. */
    public int longestForm() {
        return longestForm;
    }

    /** How many values are searched for. */
    public int valuesSearched() {
        return searched;
    }

    /** How many values were left out as too short to search. */
    public int valuesTooShort() {
        return tooShort;
    }

    /** True when there is nothing to search for. */
    public boolean isEmpty() {
        return trie == null;
    }

    /**
     * Hands every occurrence of every form in {@code bytes[0, length)} (read as ISO-8859-1) to {@code sink},
     * overlapping ones included, in the order of their starts.
     */
    void find(byte[] bytes, int length, Consumer<Match> sink) {
        if (trie == null || length < PREFIX) {
            return;
        }
        int window = prefix(bytes, 0);
        for (int at = 0; ; at++) {
            int slot = slot(window);
            if ((starts[slot >>> 6] & (1L << slot)) != 0) {
                int from = at;
                Latin1Text text = new Latin1Text(bytes, from, Math.min(longestForm, length - from));
                trie.parseText(text, emit -> {
                    if (emit.getStart() == 0) { // a form that starts here; later starts get their own turn
                        for (Needle needle : emit.getPayload()) { // the end is inclusive
                            sink.accept(new Match(from, from + emit.getEnd() + 1, needle));
                        }
                    }
                    return true;
                });
            }
            if (at + PREFIX >= length) {
                return;
            }
            window = (window >>> 8) | ((bytes[at + PREFIX] & 0xFF) << 24);
        }
    }

    /** The four bytes at {@code at}, the first in the lowest bits. */
    private static int prefix(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }

    private static int slot(int prefix) {
        return (prefix * 0x9E3779B1) >>> (32 - TABLE_BITS);
    }
}
