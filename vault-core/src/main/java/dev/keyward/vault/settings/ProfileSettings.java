package dev.keyward.vault.settings;

import java.util.Map;

/**
 * Typed view of {@code profile_settings}. Automation fields carry seed 002's defaults until the
 * automation schema exists.
 */
public record ProfileSettings(
        int autoLockMinutes,
        int clipboardClearSeconds,
        boolean backgroundRefreshWhileLocked,
        int keyAgeWarningDays,
        String theme,
        boolean autonomousModeEnabled,
        boolean discoveryNetworkEnabled,
        int discoveryScheduleHour,
        int dashboardRefreshIntervalSeconds,
        Integer dashboardQuietHoursStart,
        Integer dashboardQuietHoursEnd,
        int automationMaxRetries,
        int discoveryRetentionDays,
        String llmBaseUrl,
        String llmModel,
        String llmApiKeySecret,
        int snapshotsKeptPerSecret,
        int summaryRetentionDays,
        int searchLogRetentionDays,
        int executionRetentionDays,
        int debugScreenshotRetentionDays,
        String discoverySearchUrl) {

    /** True when the user configured an LLM endpoint and model. */
    public boolean llmConfigured() {
        return llmBaseUrl != null && llmModel != null;
    }

    static ProfileSettings from(Map<Setting, Object> v) {
        return new ProfileSettings(
                integer(v, Setting.AUTO_LOCK_MINUTES, 5),
                integer(v, Setting.CLIPBOARD_CLEAR_SECONDS, 10),
                integer(v, Setting.BACKGROUND_REFRESH_WHILE_LOCKED, 1) == 1,
                integer(v, Setting.KEY_AGE_WARNING_DAYS, 180),
                (String) v.getOrDefault(Setting.THEME, "light"),
                integer(v, Setting.AUTONOMOUS_MODE_ENABLED, 0) == 1,
                integer(v, Setting.DISCOVERY_NETWORK_ENABLED, 0) == 1,
                integer(v, Setting.DISCOVERY_SCHEDULE_HOUR, 3),
                integer(v, Setting.DASHBOARD_REFRESH_INTERVAL_SECONDS, 3600),
                nullableInteger(v, Setting.DASHBOARD_QUIET_HOURS_START),
                nullableInteger(v, Setting.DASHBOARD_QUIET_HOURS_END),
                integer(v, Setting.AUTOMATION_MAX_RETRIES, 3),
                integer(v, Setting.DISCOVERY_RETENTION_DAYS, 90),
                (String) v.get(Setting.LLM_BASE_URL),
                (String) v.get(Setting.LLM_MODEL),
                (String) v.get(Setting.LLM_API_KEY_SECRET),
                integer(v, Setting.SNAPSHOTS_KEPT_PER_SECRET, 24),
                integer(v, Setting.SUMMARY_RETENTION_DAYS, 365),
                integer(v, Setting.SEARCH_LOG_RETENTION_DAYS, 30),
                integer(v, Setting.EXECUTION_RETENTION_DAYS, 90),
                integer(v, Setting.DEBUG_SCREENSHOT_RETENTION_DAYS, 7),
                (String) v.get(Setting.DISCOVERY_SEARCH_URL));
    }

    private static int integer(Map<Setting, Object> v, Setting s, int fallback) {
        Object o = v.get(s);
        return o == null ? fallback : ((Number) o).intValue();
    }

    private static Integer nullableInteger(Map<Setting, Object> v, Setting s) {
        Object o = v.get(s);
        return o == null ? null : ((Number) o).intValue();
    }
}
