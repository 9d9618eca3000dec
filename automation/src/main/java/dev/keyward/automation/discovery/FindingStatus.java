package dev.keyward.automation.discovery;

import dev.keyward.vault.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the user is with a finding; names match seed 002's {@code discovery_findings.user_status}. */
public enum FindingStatus {
    NEW,
    REVIEWED,
    DISMISSED,
    ACTIONED;

    /** The stored enum string, e.g. {@code dismissed}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a user typed ({@code reviewed}, {@code Dismissed}, ...), or an error naming the accepted ones. */
    public static FindingStatus parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.dbValue().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + text + "' is not a finding status; use one of "
                        + Arrays.stream(values()).map(FindingStatus::dbValue).collect(Collectors.joining(", "))
                        + "."));
    }

    /** The status stored as {@code value} in {@code findings.status}, for the repository that reads it. */
    public static FindingStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
