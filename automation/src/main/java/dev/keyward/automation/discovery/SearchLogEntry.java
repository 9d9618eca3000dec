package dev.keyward.automation.discovery;

import java.time.Instant;

/** A {@code discovery_search_log} row with its provider's slug: one provider checked in one run. */
public record SearchLogEntry(String id, String providerId, String providerSlug, Instant searchedAt, Trigger trigger,
                             int queriesExecuted, int resultsFound, int findingsGenerated, RunStatus status,
                             String errorMessageRedacted) {
}
