package dev.keyward.automation.jobs;

/** What a job does when the vault is unlocked and its scheduler starts. */
public enum UnlockRule {
    /** Runs at every unlock (retention). */
    ALWAYS,
    /** Runs at unlock only when a run was missed ({@code scheduled_jobs.next_run_at} before now) or it never ran. */
    IF_MISSED,
    /** Waits for its next time. */
    NEVER
}
