package dev.keyward.automation.feeds;

import java.time.Instant;
import java.util.Objects;

/**
 * One item read from a provider source: a web address, a plain-text title and snippet (never HTML,
 * already capped), when it was published if known, and where it came from. Its texts are untrusted data.
 *
 * @param incident the status page's own state for status items; null for feeds and search results
 */
public record SourceItem(String url, String title, String text, Instant publishedAt, SourceKind sourceKind,
                         IncidentState incident) {

    public SourceItem {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceKind, "sourceKind");
        if (sourceKind.isStatusPage() && incident == null) {
            throw new IllegalArgumentException("status page items carry their incident state");
        }
    }

    /** An item without status page state: a feed entry or a search result. */
    public SourceItem(String url, String title, String text, Instant publishedAt, SourceKind sourceKind) {
        this(url, title, text, publishedAt, sourceKind, null);
    }

    /** Title and text together, the words that classification reads. */
    public String words() {
        return title + "\n" + text;
    }
}
