package dev.keyward.automation.dashboard;

/**
 * The health of one API key as the last collection saw it (seed 002 {@code health_status}).
 *
 * <p>{@link #severity()} orders the values from worst to best; the daily summary uses it to break
 * ties between equally common statuses.
 */
public enum HealthStatus {
    VALID(0), UNKNOWN(1), DEGRADED(2), OUTAGE(3), INVALID(4);

    private final int severity;

    HealthStatus(int severity) {
        this.severity = severity;
    }

    /** Higher is worse: invalid > outage > degraded > unknown > valid. */
    public int severity() {
        return severity;
    }

    /** The lower-case string stored in the database. */
    public String dbValue() {
        return DbEnum.dbValue(this);
    }

    /** The constant for a stored string; throws if the string is not one of seed 002's values. */
    public static HealthStatus fromDbValue(String dbValue) {
        return DbEnum.parse(HealthStatus.class, dbValue);
    }
}
