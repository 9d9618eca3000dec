package dev.keyward.automation.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.automation.feeds.ParseResult.Parsed;
import dev.keyward.automation.feeds.ParseResult.Unreadable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a SearXNG-compatible JSON search answer ({@code results[]} with url, title, content) into {@link SourceItem}s. */
public final class SearchAnswerParser {

    /** Most results read from one answer. */
    public static final int MAX_ITEMS = 50;

    public ParseResult parse(String json) {
        Optional<JsonNode> root = JsonDocuments.readObject(json);
        if (root.isEmpty() || !root.get().path("results").isArray()) {
            return new Unreadable("The search answer is not SearXNG-style JSON with a results list; check the search"
                    + " endpoint address and that it allows format=json.");
        }
        List<SourceItem> items = new ArrayList<>();
        int skipped = 0;
        for (JsonNode result : root.get().path("results")) {
            if (items.size() >= MAX_ITEMS || !result.isObject()) {
                skipped++;
                continue;
            }
            var url = WebAddresses.parse(JsonDocuments.text(result, "url"), null);
            String title = PlainText.title(JsonDocuments.text(result, "title"));
            String text = PlainText.snippet(JsonDocuments.text(result, "content"));
            if (url.isEmpty() || title.isEmpty()) {
                skipped++;
                continue;
            }
            items.add(new SourceItem(url.get().toString(), title, text,
                    Timestamps.parse(JsonDocuments.text(result, "publishedDate")), SourceKind.WEB_SEARCH));
        }
        return new Parsed(items, skipped);
    }
}
