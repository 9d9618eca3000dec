package dev.keyward.automation.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The outcome of one discovery run: per-provider results, providers skipped, and a one-line summary. */
public record DiscoveryRunResult(Trigger trigger, Instant startedAt, boolean networkEnabled,
                                 List<ProviderRunResult> providerResults, List<SkippedProvider> skipped,
                                 String summary) {

    public DiscoveryRunResult {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(summary, "summary");
        providerResults = List.copyOf(providerResults);
        skipped = List.copyOf(skipped);
    }

    /** Requests made in this run, all providers together. */
    public int requestsMade() {
        return providerResults.stream().mapToInt(ProviderRunResult::queriesExecuted).sum();
    }

    /** New findings in this run, all providers together. */
    public List<Finding> findings() {
        return providerResults.stream().flatMap(r -> r.findings().stream()).toList();
    }
}
