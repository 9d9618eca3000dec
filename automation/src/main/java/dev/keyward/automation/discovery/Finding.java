package dev.keyward.automation.discovery;

import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.feeds.SourceKind;

import java.time.Instant;
import java.util.Objects;

/**
 * A new discovery finding, ready to store as a seed 002 {@code discovery_findings} row (the store adds id,
 * profile, {@code user_status = new} and {@code created_at}). Title and snippet are untrusted plain text.
 */
public record Finding(String providerId, Instant discoveredAt, String sourceUrl, String sourceTitle,
                      String sourceSnippet, SourceKind sourceKind, Instant publishedAt, FindingCategory category,
                      Urgency urgency, double relevanceScore, String relevanceReason, String impactSummary,
                      String actionRecommendation) {

    public Finding {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(discoveredAt, "discoveredAt");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(sourceTitle, "sourceTitle");
        Objects.requireNonNull(sourceSnippet, "sourceSnippet");
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(relevanceReason, "relevanceReason");
        Objects.requireNonNull(impactSummary, "impactSummary");
        Objects.requireNonNull(actionRecommendation, "actionRecommendation");
    }
}
