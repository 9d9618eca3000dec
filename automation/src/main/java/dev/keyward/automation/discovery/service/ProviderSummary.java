package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.SkippedProvider;
import java.util.Objects;

/**
 * How one provider fared in a run, for the CLI and the UI: checked (with its search log figures) or skipped,
 * with a sentence ({@code message}: the redacted error, or why it was skipped; null when all went well) and,
 * for a skipped provider, the reason.
 */
public record ProviderSummary(String providerId, String slug, String name, State state, int queries, int results,
                              int newFindings, String message, SkippedProvider.Reason skipReason) {

    /** What happened to the provider in the run; the first three match {@code discovery_search_log.status}. */
    public enum State { SUCCESS, PARTIAL, FAILED, SKIPPED }

    public ProviderSummary {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}
