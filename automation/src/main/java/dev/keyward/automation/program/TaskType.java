package dev.keyward.automation.program;

import java.util.Arrays;
import java.util.Optional;

/** What a step program is for (seed 002, {@code automation_scripts.task_type}). */
public enum TaskType {
    ACCOUNT_CREATION("account_creation"),
    PAYMENT_CONFIG("payment_config"),
    BILLING_RESTRICTION("billing_restriction"),
    API_KEY_MANAGEMENT("api_key_management"),
    DASHBOARD_SCRAPE("dashboard_scrape"),
    CUSTOM("custom");

    private final String dbValue;

    TaskType(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The string stored in the database and written in step programs. */
    public String dbValue() {
        return dbValue;
    }

    public static Optional<TaskType> fromDbValue(String value) {
        return Arrays.stream(values()).filter(t -> t.dbValue.equals(value)).findFirst();
    }
}
