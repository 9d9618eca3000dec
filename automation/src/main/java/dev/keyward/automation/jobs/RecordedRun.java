package dev.keyward.automation.jobs;

import dev.keyward.vault.VaultException;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobRuns;
import dev.keyward.vault.jobs.JobStatus;
import dev.keyward.vault.session.VaultSession;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a job's run is begun, run and recorded: it claims the job in {@code scheduled_jobs} (so
 * runs never overlap, across processes too), runs the work, and writes its status, error and next run
 * time (and so its audit row). The scheduler and the job catalog both go through it.
 */
final class RecordedRun {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedRun.class);

    private RecordedRun() {
    }

    /** Runs {@code work} as a run of {@code job}; not run (skipped) when that job is already running. */
    static JobResult execute(VaultSession session, JobName job, JobTrigger trigger, JobWork work, NextRunPolicy policy,
                             InstantSource clock, Instant nextWhenSkipped) {
        Optional<JobRuns.Run> begun = session.jobs().begin(job, trigger.dbValue());
        if (begun.isEmpty()) {
            // Already running elsewhere (the desktop's scheduler, or another command on the same profile).
            return new JobResult(job, trigger, false, JobStatus.SKIPPED, null, nextWhenSkipped);
        }
        try (JobRuns.Run run = begun.get()) {
            JobOutcome outcome = invoke(job, trigger, work);
            Instant next = policy.allowedAt(policy.nextAfter(clock.instant()));
            run.finish(outcome.status(), outcome.error(), next);
            return new JobResult(job, trigger, true, outcome.status(),
                    outcome.error() == null ? null : session.redactor().redact(outcome.error()), next);
        }
    }

    private static JobOutcome invoke(JobName job, JobTrigger trigger, JobWork work) {
        try {
            JobOutcome outcome = work.run(trigger);
            return outcome == null ? JobOutcome.success() : outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new JobOutcome(JobStatus.FAILED, "The run was stopped when the vault was locked and stopped; "
                    + "it runs again at its next time.");
        } catch (VaultException e) {
            return new JobOutcome(JobStatus.FAILED, e.getMessage());
        } catch (Exception e) {
            LOG.warn("The {} job failed ({}).", job.dbValue(), e.getClass().getSimpleName());
            return new JobOutcome(JobStatus.FAILED, "The " + job.dbValue().replace('_', ' ') + " job failed unexpectedly ("
                    + e.getClass().getSimpleName() + "); it runs again at its next time.");
        }
    }
}
