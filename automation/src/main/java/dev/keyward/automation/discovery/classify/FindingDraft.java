package dev.keyward.automation.discovery.classify;

import dev.keyward.automation.feeds.SourceItem;

import java.time.LocalDate;
import java.util.Objects;

/** Everything a {@link FindingWriter} may use to explain a finding: the item, its classification and the user's stake. */
public record FindingDraft(String providerName, SourceItem item, Classification classification, Relevance relevance,
                           int keysHeld, LocalDate today) {

    public FindingDraft {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(relevance, "relevance");
        Objects.requireNonNull(today, "today");
    }
}
