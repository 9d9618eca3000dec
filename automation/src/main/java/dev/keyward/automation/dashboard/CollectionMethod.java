package dev.keyward.automation.dashboard;

/** How a snapshot's data was obtained (seed 002 `dashboard_snapshots.collection_method`). */
public enum CollectionMethod {
    API, SCRAPE, CACHED;

    /** The lower-case string stored in the database. */
    public String dbValue() {
        return DbEnum.dbValue(this);
    }

    /** The constant for a stored string; throws if the string is not one of seed 002's values. */
    public static CollectionMethod fromDbValue(String dbValue) {
        return DbEnum.parse(CollectionMethod.class, dbValue);
    }
}
