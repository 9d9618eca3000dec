package dev.keyward.automation.retention;

import dev.keyward.vault.settings.ProfileSettings;

/**
 * The retention periods of seed 002 section 5.3, each a profile setting.
 *
 * @param snapshotsKeptPerSecret  dashboard snapshots kept per key; older ones are folded into daily summaries (24)
 * @param summaryDays             days of daily dashboard summaries (365)
 * @param findingDays             days of discovery findings ({@code discovery_retention_days}, 90)
 * @param searchLogDays           days of the discovery search log (30)
 * @param executionDays           days of automation runs and their checkpoint decisions (90)
 * @param screenshotDays          days of debug screenshots in {@code profiles/<id>/debug/} (7)
 */
public record RetentionPolicy(int snapshotsKeptPerSecret, int summaryDays, int findingDays, int searchLogDays,
                              int executionDays, int screenshotDays) {

    public RetentionPolicy {
        if (snapshotsKeptPerSecret < 1 || summaryDays < 1 || findingDays < 1 || searchLogDays < 1 || executionDays < 1
                || screenshotDays < 1) {
            throw new IllegalArgumentException("Every retention period must keep at least one snapshot or one day.");
        }
    }

    /** Seed 002's defaults. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(24, 365, 90, 30, 90, 7);
    }

    /** The periods the profile's settings hold. */
    public static RetentionPolicy from(ProfileSettings settings) {
        return new RetentionPolicy(settings.snapshotsKeptPerSecret(), settings.summaryRetentionDays(),
                settings.discoveryRetentionDays(), settings.searchLogRetentionDays(), settings.executionRetentionDays(),
                settings.debugScreenshotRetentionDays());
    }
}
