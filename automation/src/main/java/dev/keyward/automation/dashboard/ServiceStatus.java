package dev.keyward.automation.dashboard;

/** The provider's own service state as its status page reports it (seed 002 `service_status`). */
public enum ServiceStatus {
    OPERATIONAL, DEGRADED, OUTAGE, UNKNOWN;

    /** The lower-case string stored in the database. */
    public String dbValue() {
        return DbEnum.dbValue(this);
    }

    /** The constant for a stored string; throws if the string is not one of seed 002's values. */
    public static ServiceStatus fromDbValue(String dbValue) {
        return DbEnum.parse(ServiceStatus.class, dbValue);
    }
}
