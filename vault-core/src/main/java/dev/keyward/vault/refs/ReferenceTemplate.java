package dev.keyward.vault.refs;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Wipe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text with {@code keyward://} references in it (a template for {@code inject}, a dotenv value):
 * where each reference stands, checked strictly, and the text with values put in their place.
 *
 * <p>A reference starts at {@code keyward://} and runs to the first character that cannot be part
 * of one (see {@link ReferenceSyntax#continues}). Each distinct reference is listed once, however often
 * it stands, so resolving a text costs one lookup per distinct reference; more than
 * {@link #MAX_DISTINCT} distinct references are refused before anything is resolved.
 */
public final class ReferenceTemplate {

    /** The most distinct references one text may name (a vault holds far fewer secrets). */
    public static final int MAX_DISTINCT = 1000;

    private final CharSequence text;
    private final List<Occurrence> occurrences;
    private final Set<Reference> distinct;

    /** Where one reference stands: 0-based char offsets, 1-based line and column. */
    public record Occurrence(Reference reference, int start, int end, int line, int column) {
    }

    private ReferenceTemplate(CharSequence text, List<Occurrence> occurrences, Set<Reference> distinct) {
        this.text = text;
        this.occurrences = occurrences;
        this.distinct = distinct;
    }

    /**
     * Finds and parses every reference in {@code text} ({@code name} says where the text comes from,
     * for messages: a file name, "line 3 of .env.keyward").
     *
     * @throws InvalidInputException naming the line and column of the first malformed reference, or
     *                               saying there are too many distinct ones
     */
    public static ReferenceTemplate of(CharSequence text, String name) {
        List<Occurrence> found = new ArrayList<>();
        Set<Reference> distinct = new LinkedHashSet<>();
        int line = 1;
        int lineStart = 0;
        int scanned = 0;
        int at = indexOf(text, 0);
        while (at >= 0) {
            for (; scanned < at; scanned++) {
                if (text.charAt(scanned) == '\n') {
                    line++;
                    lineStart = scanned + 1;
                }
            }
            int end = at + ReferenceSyntax.SCHEME.length();
            while (end < text.length() && end - at <= ReferenceSyntax.MAX_LENGTH
                    && ReferenceSyntax.continues(text.charAt(end))) {
                end++;
            }
            int column = at - lineStart + 1;
            Reference reference;
            try {
                reference = ReferenceSyntax.parse(text.subSequence(at, end).toString());
            } catch (ReferenceSyntaxException e) {
                throw new InvalidInputException(name + ", line " + line + ", column " + column
                        + ": this keyward:// reference is malformed: " + e.reason() + ".");
            }
            if (distinct.add(reference) && distinct.size() > MAX_DISTINCT) {
                throw new InvalidInputException(name + " names more than " + MAX_DISTINCT + " distinct keyward:// references"
                        + " (the first one over the limit is on line " + line + "); one text may name at most "
                        + MAX_DISTINCT + ".");
            }
            found.add(new Occurrence(reference, at, end, line, column));
            at = indexOf(text, end);
        }
        return new ReferenceTemplate(text, List.copyOf(found), distinct);
    }

    private static int indexOf(CharSequence text, int from) {
        String scheme = ReferenceSyntax.SCHEME;
        int last = text.length() - scheme.length();
        outer:
        for (int i = from; i <= last; i++) {
            if (text.charAt(i) != 'k') {
                continue;
            }
            for (int j = 1; j < scheme.length(); j++) {
                if (text.charAt(i + j) != scheme.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Every reference, in order of appearance, each as often as it stands. */
    public List<Occurrence> occurrences() {
        return occurrences;
    }

    /** The distinct references, in order of first appearance. */
    public Set<Reference> references() {
        return java.util.Collections.unmodifiableSet(distinct);
    }

    /** Where {@code reference} first stands, as "line L, column C". */
    public String firstPlace(Reference reference) {
        for (Occurrence o : occurrences) {
            if (o.reference().equals(reference)) {
                return "line " + o.line() + ", column " + o.column();
            }
        }
        throw new IllegalArgumentException("not a reference of this text");
    }

    /**
     * The text with each reference replaced by its value from {@code values}, which must hold every
     * reference of {@link #references()}. The caller wipes the result.
     */
    public char[] render(Map<Reference, char[]> values) {
        long size = text.length();
        for (Occurrence o : occurrences) {
            size += values.get(o.reference()).length - (o.end() - o.start());
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("The text with its values put in would be larger than Keyward writes.");
        }
        char[] out = new char[(int) size];
        int written = 0;
        int copied = 0;
        for (Occurrence o : occurrences) {
            for (int i = copied; i < o.start(); i++) {
                out[written++] = text.charAt(i);
            }
            char[] value = values.get(o.reference());
            System.arraycopy(value, 0, out, written, value.length);
            written += value.length;
            copied = o.end();
        }
        for (int i = copied; i < text.length(); i++) {
            out[written++] = text.charAt(i);
        }
        return out;
    }

    /** Wipes every value of {@code values} (a convenience for callers' finally blocks). */
    public static void wipe(Map<Reference, char[]> values) {
        values.values().forEach(Wipe::chars);
    }

    @Override
    public String toString() {
        return "ReferenceTemplate[" + occurrences.size() + " references, " + distinct.size() + " distinct]";
    }
}
