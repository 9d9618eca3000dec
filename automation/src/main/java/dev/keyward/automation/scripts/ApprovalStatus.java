package dev.keyward.automation.scripts;

import java.util.Arrays;
import java.util.Optional;

/** Whether a human approved a stored program's current version (seed 002, {@code automation_scripts.approval_status}). */
public enum ApprovalStatus {
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected");

    private final String dbValue;

    ApprovalStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    public static Optional<ApprovalStatus> fromDbValue(String value) {
        return Arrays.stream(values()).filter(s -> s.dbValue.equals(value)).findFirst();
    }
}
