package dev.keyward.vault.jobs;

/** The background jobs of a session, named as in {@code scheduled_jobs.job_name}. */
public enum JobName {
    DASHBOARD_REFRESH("dashboard_refresh"),
    DISCOVERY("discovery"),
    RETENTION("retention");

    private final String dbValue;

    JobName(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }
}
