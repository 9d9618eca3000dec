package dev.keyward.automation.runner;

import java.util.Arrays;
import java.util.Optional;

/** Where a run stands (seed 002, {@code automation_executions.status}). */
public enum ExecutionStatus {
    RUNNING("running"),
    SUCCESS("success"),
    FAILURE("failure"),
    /** Stopped on purpose: a human rejected a checkpoint, no answer came in time, or a card form was met. */
    ABORTED("aborted"),
    PAUSED_AT_CHECKPOINT("paused_at_checkpoint");

    private final String dbValue;

    ExecutionStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    /** Whether the run is over. */
    public boolean finished() {
        return this == SUCCESS || this == FAILURE || this == ABORTED;
    }

    public static Optional<ExecutionStatus> fromDbValue(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue.equals(value)).findFirst();
    }
}
