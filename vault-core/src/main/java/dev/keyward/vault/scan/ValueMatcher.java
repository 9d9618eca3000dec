package dev.keyward.vault.scan;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Every form of every known value in one Aho-Corasick automaton, so a text is read once whatever the
 * number of values. The automaton is built over ISO-8859-1 text (one {@code char} per byte), so it
 * matches the UTF-8 bytes of a value in a file read the same way.
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

    private final PayloadTrie<Needle> trie;
    private final int longestForm;
    private final int searched;
    private final int tooShort;

    private ValueMatcher(PayloadTrie<Needle> trie, int longestForm, int searched, int tooShort) {
        this.trie = trie;
        this.longestForm = longestForm;
        this.searched = searched;
        this.tooShort = tooShort;
    }

    /** A matcher that finds nothing (a scan by key formats alone). */
    public static ValueMatcher empty() {
        return new ValueMatcher(null, 0, 0, 0);
    }

    /** A matcher over {@code values}, leaving out values shorter than {@link #DEFAULT_MIN_VALUE_LENGTH}. */
    public static ValueMatcher of(KnownValues values) {
        return of(values, DEFAULT_MIN_VALUE_LENGTH);
    }

    /** A matcher over every value of {@code values} at least {@code minValueLength} characters long. */
    public static ValueMatcher of(KnownValues values, int minValueLength) {
        PayloadTrie.PayloadTrieBuilder<Needle> builder = PayloadTrie.builder();
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
                if (form.bytes().length >= minValueLength) {
                    builder.addKeyword(new String(form.bytes(), StandardCharsets.ISO_8859_1),
                            new Needle(entry.owner(), form.encoding()));
                    longest = Math.max(longest, form.bytes().length);
                    any = true;
                }
                dev.keyward.vault.crypto.Wipe.bytes(form.bytes());
            }
            searched += any ? 1 : 0;
        }
        return searched == 0 ? new ValueMatcher(null, 0, 0, tooShort)
                : new ValueMatcher(builder.build(), longest, searched, tooShort);
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

    /** Hands every occurrence of every form in {@code text} to {@code sink}, overlapping ones included. */
    void find(CharSequence text, Consumer<Match> sink) {
        if (trie == null) {
            return;
        }
        trie.parseText(text, emit -> {
            // The library's end is inclusive.
            sink.accept(new Match(emit.getStart(), emit.getEnd() + 1, emit.getPayload()));
            return true;
        });
    }
}
