package dev.keyward.automation.jobs;

import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import java.time.Instant;

/**
 * What became of one request to run a job.
 *
 * @param job       the job
 * @param trigger   why it was asked to run
 * @param ran       false when a run of the same job was already under way, so this one was skipped
 * @param status    the recorded status, {@link JobStatus#SKIPPED} when it did not run
 * @param error     the recorded sentence, or null
 * @param nextRunAt when it runs next
 */
public record JobResult(JobName job, JobTrigger trigger, boolean ran, JobStatus status, String error, Instant nextRunAt) {
}
