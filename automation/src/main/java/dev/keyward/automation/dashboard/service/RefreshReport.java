package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.vault.jobs.JobStatus;
import java.util.List;

/**
 * What one dashboard refresh did: a stored snapshot per key, in name order.
 *
 * @param results     one per refreshed key
 * @param secretNames the keys' names, in the same order
 * @param note        a sentence about what was left out (e.g. scraping without autonomous mode), or null
 */
public record RefreshReport(List<KeyRefreshResult> results, List<String> secretNames, String note) {

    public RefreshReport {
        results = List.copyOf(results);
        secretNames = List.copyOf(secretNames);
    }

    public long count(CollectionStatus status) {
        return results.stream().filter(r -> r.result().status() == status).count();
    }

    /** How the run counts as a job: success, partial when some keys fell short, failed when all did. */
    public JobStatus jobStatus() {
        if (results.isEmpty() || count(CollectionStatus.SUCCESS) == results.size()) {
            return JobStatus.SUCCESS;
        }
        return count(CollectionStatus.FAILED) == results.size() ? JobStatus.FAILED : JobStatus.PARTIAL;
    }

    /** A one-line account for a job's error column and the CLI, or null when every key succeeded. */
    public String shortfall() {
        if (jobStatus() == JobStatus.SUCCESS) {
            return null;
        }
        return count(CollectionStatus.FAILED) + " of " + results.size() + " keys failed and "
                + count(CollectionStatus.PARTIAL) + " were partial; the dashboard has each key's details.";
    }
}
