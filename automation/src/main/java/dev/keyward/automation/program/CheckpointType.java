package dev.keyward.automation.program;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of human-in-the-loop checkpoint a step can require (seed 002, {@code hitl_checkpoints.checkpoint_type}). */
public enum CheckpointType {
    FINANCIAL("financial"),
    ACCOUNT("account"),
    IRREVERSIBLE("irreversible"),
    API_KEY("api_key"),
    BILLING("billing"),
    SCRIPT_REVIEW("script_review");

    private final String dbValue;

    CheckpointType(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The string stored in the database and written in step programs. */
    public String dbValue() {
        return dbValue;
    }

    public static Optional<CheckpointType> fromDbValue(String value) {
        return Arrays.stream(values()).filter(t -> t.dbValue.equals(value)).findFirst();
    }
}
