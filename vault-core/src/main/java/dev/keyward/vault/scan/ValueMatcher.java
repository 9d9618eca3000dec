package dev.keyward.vault.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
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
 * <p>Most text holds no form at all, so a prefilter comes first and the automaton reads only near a
 * place where a form may be. Every form is at least {@code minForm} bytes long, so an occurrence of one
 * covers {@code stride = minForm - 3} consecutive four-byte windows (at its offsets {@code 0 .. stride-1}),
 * and exactly one of those starts at a multiple of {@code stride}. So the prefilter reads the four bytes
 * at every {@code stride}-th offset only, and looks them up in a bit table of every form's four-byte
 * windows at those offsets (hashed), then in the sorted list of the windows themselves (a hash collision
 * is no candidate). Only on a hit does the automaton run, over the bytes from {@code stride - 1} before
 * the window to the longest form's length after it, keeping the forms that start up to the window:
 * the occurrences whose one sampled window this is, so each is found once. The automaton alone reads
 * about ten times slower than the prefilter; see docs/performance.md, Scan.
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

    /** The prefilter reads this many bytes at a time; no form is shorter. */
    private static final int GRAM = 4;
    /** Sampling further apart saves little more, and each form's windows fill the table. */
    private static final int MAX_STRIDE = 8;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final PayloadTrie<List<Needle>> trie;
    private final Prefilter prefilter;
    private final int longestForm;
    private final int searched;
    private final int tooShort;

    private ValueMatcher(PayloadTrie<List<Needle>> trie, Prefilter prefilter, int longestForm, int searched, int tooShort) {
        this.trie = trie;
        this.prefilter = prefilter;
        this.longestForm = longestForm;
        this.searched = searched;
        this.tooShort = tooShort;
    }

    /**
     * The four-byte windows at offsets {@code 0 .. stride-1} of every form: a bit table of their hashes
     * (looked up at every sampled offset; about 512 bits per window, so one offset in a few hundred gets
     * past it by chance) and the sorted windows themselves (checked on a hit).
     */
    private record Prefilter(int stride, int bits, long[] table, int[] grams) {
        boolean mayHold(int gram) {
            int slot = slot(gram, bits);
            return (table[slot >>> 6] & (1L << slot)) != 0 && Arrays.binarySearch(grams, gram) >= 0;
        }
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
        int minFormLength = Math.max(GRAM, minValueLength);
        int longest = 0;
        int shortest = Integer.MAX_VALUE;
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
                    needles.computeIfAbsent(new String(form.bytes(), StandardCharsets.ISO_8859_1), k -> new ArrayList<>())
                            .add(new Needle(entry.owner(), form.encoding()));
                    longest = Math.max(longest, form.bytes().length);
                    shortest = Math.min(shortest, form.bytes().length);
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
        return new ValueMatcher(builder.build(), prefilter(needles.keySet(), Math.min(MAX_STRIDE, shortest - GRAM + 1)), longest, searched, tooShort);
    }

    private static Prefilter prefilter(Collection<String> forms, int stride) {
        int[] grams = new int[forms.size() * stride];
        int bits = Math.clamp(32 - Integer.numberOfLeadingZeros(grams.length) + 9, 16, 24);
        long[] table = new long[(1 << bits) / 64];
        int count = 0;
        for (String form : forms) {
            for (int offset = 0; offset < stride; offset++) { // the form's chars are bytes (ISO-8859-1)
                int gram = form.charAt(offset) | form.charAt(offset + 1) << 8 | form.charAt(offset + 2) << 16
                        | form.charAt(offset + 3) << 24;
                int slot = slot(gram, bits);
                table[slot >>> 6] |= 1L << slot;
                grams[count++] = gram;
            }
        }
        Arrays.sort(grams);
        int distinct = 0;
        for (int i = 0; i < grams.length; i++) {
            if (i == 0 || grams[i] != grams[i - 1]) {
                grams[distinct++] = grams[i];
            }
        }
        int[] kept = Arrays.copyOf(grams, distinct);
        Arrays.fill(grams, 0);
        return new Prefilter(stride, bits, table, kept);
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
        if (trie == null) {
            return;
        }
        int stride = prefilter.stride();
        List<Match> near = new ArrayList<>();
        for (int at = 0; at + GRAM <= length; at += stride) {
            if (prefilter.mayHold((int) INTS.get(bytes, at))) {
                int from = Math.max(0, at - stride + 1);
                int last = at; // the occurrences whose sampled window this is start in [from, last]
                trie.parseText(new Latin1Text(bytes, from, Math.min(length, at + longestForm) - from), emit -> {
                    int start = from + emit.getStart();
                    if (start <= last) {
                        for (Needle needle : emit.getPayload()) { // the end is inclusive
                            near.add(new Match(start, from + emit.getEnd() + 1, needle));
                        }
                    }
                    return true;
                });
                near.sort(BY_START); // the automaton emits by end
                near.forEach(sink);
                near.clear();
            }
        }
    }

    /** What {@link #find} finds, by the automaton alone over the whole text (tests compare the two). */
    void findWithoutPrefilter(byte[] bytes, int length, Consumer<Match> sink) {
        if (trie == null) {
            return;
        }
        List<Match> all = new ArrayList<>();
        trie.parseText(new Latin1Text(bytes, 0, length), emit -> {
            for (Needle needle : emit.getPayload()) {
                all.add(new Match(emit.getStart(), emit.getEnd() + 1, needle));
            }
            return true;
        });
        all.sort(BY_START);
        all.forEach(sink);
    }

    private static final Comparator<Match> BY_START = Comparator.comparingInt(Match::start);

    private static int slot(int gram, int bits) {
        return (gram * 0x9E3779B1) >>> (32 - bits);
    }
}
