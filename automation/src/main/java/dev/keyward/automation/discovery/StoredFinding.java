package dev.keyward.automation.discovery;

import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.feeds.SourceKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code discovery_findings} row with its provider's slug and name, as the inbox shows it. Title and
 * snippet are untrusted plain text from the web: display them as text, never as markup or a link to follow
 * without the user's click. {@code sourceKind}, {@code publishedAt}, {@code relevanceReason},
 * {@code reviewedAt} and {@code userNotes} may be null.
 */
public record StoredFinding(String id, String providerId, String providerSlug, String providerName,
                            Instant discoveredAt, Instant publishedAt, String sourceUrl, String sourceTitle,
                            String sourceSnippet, SourceKind sourceKind, FindingCategory category, Urgency urgency,
                            double relevanceScore, String relevanceReason, String impactSummary,
                            String actionRecommendation, FindingStatus userStatus, Instant reviewedAt,
                            String userNotes, Instant createdAt) {

    public StoredFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(discoveredAt, "discoveredAt");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(userStatus, "userStatus");
    }

    /** The position of this finding in the inbox order, for the next page's cursor. */
    public FindingCursor cursor() {
        return new FindingCursor(urgency, discoveredAt, id);
    }
}
