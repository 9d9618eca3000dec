package dev.keyward.automation.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What checking one provider produced. Maps 1:1 onto a seed 002 {@code discovery_search_log} row
 * (searched_at, trigger_type, queries_executed, results_found, findings_generated, status,
 * error_message_redacted) and carries the new findings to store.
 */
public record ProviderRunResult(String providerId, Trigger trigger, Instant searchedAt, int queriesExecuted,
                                int resultsFound, List<Finding> findings, RunStatus status,
                                String errorMessageRedacted) {

    public ProviderRunResult {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(searchedAt, "searchedAt");
        Objects.requireNonNull(status, "status");
        findings = List.copyOf(findings);
    }

    /** {@code findings_generated}: new findings after de-duplication. */
    public int findingsGenerated() {
        return findings.size();
    }
}
