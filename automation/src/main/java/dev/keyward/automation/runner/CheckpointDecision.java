package dev.keyward.automation.runner;

import java.util.Objects;

/**
 * A human's answer at a checkpoint.
 *
 * @param modifiedValue the replacement value, only with {@link Kind#MODIFIED}
 * @param notes         free text the human added, or null
 */
public record CheckpointDecision(Kind kind, String modifiedValue, String notes) {

    /** The three answers seed 002 records ({@code hitl_checkpoints.decision}). */
    public enum Kind {
        APPROVED("approved"),
        REJECTED("rejected"),
        /** Approved with a replaced value (e.g. a different cap). */
        MODIFIED("modified");

        private final String dbValue;

        Kind(String dbValue) {
            this.dbValue = dbValue;
        }

        public String dbValue() {
            return dbValue;
        }
    }

    public CheckpointDecision {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.MODIFIED && (modifiedValue == null || modifiedValue.isEmpty())) {
            throw new IllegalArgumentException("A modified decision needs the new value.");
        }
    }

    public static CheckpointDecision approve(String notes) {
        return new CheckpointDecision(Kind.APPROVED, null, notes);
    }

    public static CheckpointDecision reject(String notes) {
        return new CheckpointDecision(Kind.REJECTED, null, notes);
    }

    public static CheckpointDecision modify(String value, String notes) {
        return new CheckpointDecision(Kind.MODIFIED, value, notes);
    }

    /** Approved as proposed or with a changed value: the step goes ahead. */
    public boolean proceeds() {
        return kind != Kind.REJECTED;
    }
}
