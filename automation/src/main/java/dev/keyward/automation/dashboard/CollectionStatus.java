package dev.keyward.automation.dashboard;

/** Whether a collection got all, some or none of its data (seed 002 `collection_status`). */
public enum CollectionStatus {
    SUCCESS, PARTIAL, FAILED;

    /** The lower-case string stored in the database. */
    public String dbValue() {
        return DbEnum.dbValue(this);
    }

    /** The constant for a stored string; throws if the string is not one of seed 002's values. */
    public static CollectionStatus fromDbValue(String dbValue) {
        return DbEnum.parse(CollectionStatus.class, dbValue);
    }
}
