package dev.keyward.vault.jobs;

import java.time.Instant;

/** What {@code scheduled_jobs} knows about a job: when it last ran and when it should run next. */
public record JobState(JobName job, Instant lastStartedAt, Instant lastFinishedAt, String lastStatus,
                       String lastErrorRedacted, Instant nextRunAt, int runCount) {

    /** True when a run was due before {@code now} and did not happen (launch catch-up). */
    public boolean missedAt(Instant now) {
        return nextRunAt != null && nextRunAt.isBefore(now);
    }
}
