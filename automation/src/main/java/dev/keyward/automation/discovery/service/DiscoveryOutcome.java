package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.DiscoveryRunResult;
import dev.keyward.automation.discovery.StoredFinding;
import dev.keyward.vault.jobs.JobStatus;
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

    /** How the run counts as a job: skipped when nothing was contacted, failed when every contacted provider failed. */
    public JobStatus jobStatus() {
        long checked = checked();
        if (checked == 0) {
            return JobStatus.SKIPPED;
        }
        long failed = count(ProviderSummary.State.FAILED);
        if (failed == checked) {
            return JobStatus.FAILED;
        }
        return failed + count(ProviderSummary.State.PARTIAL) == 0 ? JobStatus.SUCCESS : JobStatus.PARTIAL;
    }

    /** The sentence a job records: the summary when network access was off or a provider had trouble, else null. */
    public String jobError() {
        boolean troubled = count(ProviderSummary.State.FAILED) + count(ProviderSummary.State.PARTIAL) > 0;
        return !networkEnabled() || troubled ? summary() : null;
    }

    private long count(ProviderSummary.State state) {
        return providers.stream().filter(p -> p.state() == state).count();
    }
}
