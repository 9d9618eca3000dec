package dev.keyward.automation.jobs;

import dev.keyward.vault.jobs.JobStatus;
import java.util.Objects;

/**
 * How one job run ended, as recorded in {@code scheduled_jobs}.
 *
 * @param status success, partial, failed or skipped
 * @param error  a sentence for the user (redacted when recorded), or null
 */
public record JobOutcome(JobStatus status, String error) {

    public JobOutcome {
        Objects.requireNonNull(status, "status");
    }

    public static JobOutcome success() {
        return new JobOutcome(JobStatus.SUCCESS, null);
    }
}
