package dev.keyward.app.ui.jobs;

import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.jobs.JobTrigger;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The background jobs of the unlocked session as the window sees them: pages ask for a run now
 * (the dashboard's and the inbox's Refresh buttons, the tray's Refresh now) and hear when any run
 * of a job finished, whoever started it, so they can reload what they show.
 */
public interface SessionJobs {

    /**
     * Runs {@code job} now; the future completes (off the JavaFX thread) with {@code ran=false} when
     * a run of it was already under way.
     */
    CompletableFuture<JobResult> runNow(JobName job);

    /**
     * Calls {@code listener} on the JavaFX thread after every finished run of {@code job}; the
     * returned handle removes it (a page removes its listeners when it is disposed).
     */
    AutoCloseable onFinished(JobName job, Consumer<JobResult> listener);

    /** When {@code job} runs next, if it is scheduled. */
    Optional<Instant> nextRunAt(JobName job);

    /** No background jobs (a session without the automation schema, or tests that need none). */
    static SessionJobs none() {
        return none("Background jobs are not running in this session; lock and stop, then unlock again to start them.");
    }

    /** No background jobs, for the reason {@code why} (a sentence) that a run asked for is answered with. */
    static SessionJobs none(String why) {
        return new SessionJobs() {
            @Override
            public CompletableFuture<JobResult> runNow(JobName job) {
                return CompletableFuture.completedFuture(new JobResult(job, JobTrigger.ON_DEMAND, false, JobStatus.SKIPPED,
                        why, null));
            }

            @Override
            public AutoCloseable onFinished(JobName job, Consumer<JobResult> listener) {
                return () -> { };
            }

            @Override
            public Optional<Instant> nextRunAt(JobName job) {
                return Optional.empty();
            }
        };
    }
}
