package dev.keyward.vault.jobs;

/** How a job run ended, as in {@code scheduled_jobs.last_status}. */
public enum JobStatus {
    RUNNING, SUCCESS, PARTIAL, FAILED, SKIPPED;

    public String dbValue() {
        return name().toLowerCase();
    }
}
