package dev.keyward.reflib.index;

import java.util.ArrayList;
import java.util.List;

/** Cuts a text file into consecutive blocks of lines, so a hit can point at a line. */
public final class TextChunker {

    /** Lines per chunk: long enough for a function and its comment, short enough to rank well. */
    public static final int LINES_PER_CHUNK = 40;

    /**
     * One block of a file.
     *
     * @param startLine 1-based number of the block's first line
     * @param text      the block's lines joined with '\n'
     */
    public record Chunk(int startLine, String text) {}

    private TextChunker() {}

    /** Splits text into chunks of {@link #LINES_PER_CHUNK} lines; blocks of blank lines are dropped. */
    public static List<Chunk> chunks(String text) {
        List<String> lines = text.lines().toList();
        List<Chunk> chunks = new ArrayList<>();
        for (int start = 0; start < lines.size(); start += LINES_PER_CHUNK) {
            List<String> block = lines.subList(start, Math.min(lines.size(), start + LINES_PER_CHUNK));
            if (block.stream().anyMatch(line -> !line.isBlank())) {
                chunks.add(new Chunk(start + 1, String.join("\n", block)));
            }
        }
        return chunks;
    }
}
