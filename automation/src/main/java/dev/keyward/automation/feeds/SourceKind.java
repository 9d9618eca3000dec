package dev.keyward.automation.feeds;

import java.util.Locale;

/** Where a discovered item came from; decides which classification rules apply first. */
public enum SourceKind {
    CHANGELOG_FEED,
    STATUS_INCIDENT,
    STATUS_MAINTENANCE,
    WEB_SEARCH;

    /** The lower-case name used in stored text and logs. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for items read from a provider's status page, which carry an {@link IncidentState}. */
    public boolean isStatusPage() {
        return this == STATUS_INCIDENT || this == STATUS_MAINTENANCE;
    }
}
