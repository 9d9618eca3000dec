package dev.keyward.reflib.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a user or an LLM typed into safe FTS5 MATCH expressions: only words survive,
 * each one quoted, so punctuation such as {@code page.goto("...")} never becomes FTS5 syntax.
 */
public final class FtsQuery {

    private static final int MAX_TERMS = 16;

    private FtsQuery() {}

    /**
     * The lowercase words of a query, split the way the unicode61 tokenizer splits the index
     * (letters and digits form words; everything else, underscore included, separates them).
     */
    public static List<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        if (query != null) {
            for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty() && terms.size() < MAX_TERMS) {
                    terms.add(word);
                }
            }
        }
        return List.copyOf(terms);
    }

    /** Every term must occur in a chunk. */
    public static String allOf(List<String> terms) {
        return terms.stream().map(FtsQuery::quote).collect(Collectors.joining(" "));
    }

    /** Any term may occur in a chunk; bm25 still favours chunks with more of them. */
    public static String anyOf(List<String> terms) {
        return terms.stream().map(FtsQuery::quote).collect(Collectors.joining(" OR "));
    }

    private static String quote(String term) {
        return "\"" + term.replace("\"", "\"\"") + "\"";
    }
}
