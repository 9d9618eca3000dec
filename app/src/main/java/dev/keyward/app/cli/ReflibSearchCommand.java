package dev.keyward.app.cli;

import dev.keyward.app.session.LibraryAccess;
import dev.keyward.reflib.ReferenceLibrary;
import dev.keyward.reflib.SearchHit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward reflib search QUERY}: ranked snippets from the installed sources, best first. */
@Command(name = "search", description = "Full-text search over installed sources; ranked snippets, best first.")
final class ReflibSearchCommand implements Callable<Integer> {

    private static final int SNIPPET_LINES = 6;

    @ParentCommand
    ReflibCommands group;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to look for; punctuation is ignored.")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", description = "Most hits to show (default 10, at most 200).")
    int limit = 10;

    @Option(names = "--source", paramLabel = "NAME", description = "Only this source.")
    String source;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() {
        try (LibraryAccess access = group.library()) {
            return search(access.library());
        }
    }

    private Integer search(ReferenceLibrary library) {
        int checked = ReflibCommands.checkedLimit(limit);
        String query = String.join(" ", words);
        if (source != null) {
            ReflibCommands.requireRegistered(library, source);
        }
        List<SearchHit> hits = library.search(query, checked, source);
        if (json) {
            group.root.printJson(hits.stream().map(ReflibCommands::hitJson).toList());
            return 0;
        }
        if (hits.isEmpty()) {
            group.root.terminal().out().println("No match for '" + query + "'. Is a source synced? 'keyward reflib list' shows them.");
            return 0;
        }
        int rank = 1;
        for (SearchHit hit : hits) {
            group.root.terminal().out().printf(Locale.ROOT, "%d. %s:%s:%d  (score %.2f)%n", rank++, hit.sourceName(),
                    hit.path(), hit.line(), hit.score());
            hit.snippet().lines().limit(SNIPPET_LINES).forEach(l -> group.root.terminal().out().println("    " + l));
        }
        return 0;
    }
}
