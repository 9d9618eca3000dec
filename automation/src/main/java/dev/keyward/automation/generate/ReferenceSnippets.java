package dev.keyward.automation.generate;

import dev.keyward.reflib.ReferenceLibrary;
import dev.keyward.reflib.ReferenceLibraryException;
import dev.keyward.reflib.SearchHit;
import java.util.List;

/** Ranked snippets from the reference library for a research query; empty when there is no library. */
@FunctionalInterface
public interface ReferenceSnippets {

    /** No reference library: research goes on without snippets. */
    ReferenceSnippets NONE = (query, limit) -> List.of();

    List<SearchHit> search(String query, int limit);

    /** Searches {@code library}; a library that cannot be read yields no snippets rather than an error. */
    static ReferenceSnippets of(ReferenceLibrary library) {
        return (query, limit) -> {
            try {
                return library.search(query, limit);
            } catch (ReferenceLibraryException e) {
                return List.of();
            }
        };
    }
}
