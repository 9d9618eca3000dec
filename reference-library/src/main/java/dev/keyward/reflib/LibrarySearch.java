package dev.keyward.reflib;

import dev.keyward.reflib.index.FtsQuery;
import dev.keyward.reflib.index.SnippetPicker;
import dev.keyward.reflib.store.ChunkIndex;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Ranked full-text search over the indexed chunks of all installed sources. */
final class LibrarySearch {

    static final int MAX_LIMIT = 200;

    private LibrarySearch() {}

    /**
     * Looks for chunks holding every query word; when none does, for chunks holding any of them.
     * Both passes rank by bm25.
     */
    static List<SearchHit> search(Connection connection, String query, int limit, String sourceName)
            throws SQLException {
        List<String> terms = FtsQuery.terms(query);
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        int capped = Math.min(limit, MAX_LIMIT);
        List<ChunkIndex.MatchedChunk> chunks;
        try (ChunkIndex index = new ChunkIndex(connection)) {
            chunks = index.match(FtsQuery.allOf(terms), capped, sourceName);
            if (chunks.isEmpty() && terms.size() > 1) {
                chunks = index.match(FtsQuery.anyOf(terms), capped, sourceName);
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        for (ChunkIndex.MatchedChunk chunk : chunks) {
            SnippetPicker.Snippet snippet = SnippetPicker.pick(chunk.body(), chunk.startLine(), terms);
            hits.add(new SearchHit(chunk.sourceName(), chunk.path(), snippet.line(), snippet.text(), -chunk.bm25()));
        }
        return hits;
    }
}
