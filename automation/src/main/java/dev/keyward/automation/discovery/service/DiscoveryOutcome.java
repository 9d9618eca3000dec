package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.DiscoveryRunResult;
import dev.keyward.automation.discovery.store.StoredFinding;
import java.util.List;
import java.util.Objects;

/**
 * A finished discovery run as stored: per-provider summaries, the new findings with their ids (most urgent
 * first), the engine's
 * one-line summary, and whether an LLM wrote any finding's sentences.
 */
public record DiscoveryOutcome(DiscoveryRunResult result, List<ProviderSummary> providers,
                               List<StoredFinding> newFindings, int writtenByLlm) {

    public DiscoveryOutcome {
        Objects.requireNonNull(result, "result");
        providers = List.copyOf(providers);
        newFindings = List.copyOf(newFindings);
    }

    public String summary() {
        return result.summary();
    }

    /** False when discovery network access was off, so nothing was contacted. */
    public boolean networkEnabled() {
        return result.networkEnabled();
    }

    /** Providers actually contacted in this run. */
    public long checked() {
        return providers.stream().filter(p -> p.state() != ProviderSummary.State.SKIPPED).count();
    }
}
