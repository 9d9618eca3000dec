package dev.keyward.reflib.index;

import java.util.List;
import java.util.Locale;

/** Picks the line of a chunk that mentions the query terms most and the lines around it. */
public final class SnippetPicker {

    private static final int CONTEXT_LINES = 1;
    private static final int MAX_SNIPPET_CHARS = 400;

    /**
     * A snippet taken from a chunk.
     *
     * @param line 1-based line number in the file of the best line
     * @param text plain text: the best line with one line of context either side
     */
    public record Snippet(int line, String text) {}

    private SnippetPicker() {}

    public static Snippet pick(String chunkText, int chunkStartLine, List<String> terms) {
        List<String> lines = chunkText.lines().toList();
        if (lines.isEmpty()) {
            return new Snippet(chunkStartLine, "");
        }
        int best = 0;
        int bestHits = -1;
        for (int i = 0; i < lines.size(); i++) {
            int hits = hits(lines.get(i).toLowerCase(Locale.ROOT), terms);
            if (hits > bestHits) {
                best = i;
                bestHits = hits;
            }
        }
        int from = Math.max(0, best - CONTEXT_LINES);
        int to = Math.min(lines.size(), best + CONTEXT_LINES + 1);
        String text = String.join("\n", lines.subList(from, to)).strip();
        if (text.length() > MAX_SNIPPET_CHARS) {
            text = text.substring(0, MAX_SNIPPET_CHARS) + "...";
        }
        return new Snippet(chunkStartLine + best, text);
    }

    private static int hits(String line, List<String> terms) {
        int hits = 0;
        for (String term : terms) {
            for (int at = line.indexOf(term); at >= 0; at = line.indexOf(term, at + term.length())) {
                hits++;
            }
        }
        return hits;
    }
}
