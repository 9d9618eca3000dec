package dev.keyward.vault.settings;

import dev.keyward.vault.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every user-adjustable column of {@code profile_settings}, with its validation. Settings marked
 * automation live in columns added by the automation schema (seed 002 section 2.1).
 */
public enum Setting {
    AUTO_LOCK_MINUTES("auto_lock_minutes", Kind.INTEGER, 1, 1440, false, "minutes of inactivity before the app locks"),
    CLIPBOARD_CLEAR_SECONDS("clipboard_clear_seconds", Kind.INTEGER, 1, 3600, false, "seconds before a copied secret is cleared from the clipboard"),
    BACKGROUND_REFRESH_WHILE_LOCKED("background_refresh_while_locked", Kind.BOOLEAN, 0, 1, false, "keep refreshing while locked (keys stay in memory)"),
    KEY_AGE_WARNING_DAYS("key_age_warning_days", Kind.INTEGER, 1, 3650, false, "warn about keys older than this many days"),
    THEME("theme", Kind.THEME, 0, 0, false, "light or dark"),
    AUTONOMOUS_MODE_ENABLED("autonomous_mode_enabled", Kind.BOOLEAN, 0, 1, true, "allow unattended read-only automation"),
    DISCOVERY_NETWORK_ENABLED("discovery_network_enabled", Kind.BOOLEAN, 0, 1, true, "allow discovery to send network requests"),
    DISCOVERY_SCHEDULE_HOUR("discovery_schedule_hour", Kind.INTEGER, 0, 23, true, "hour of day (local) of the daily discovery run"),
    DASHBOARD_REFRESH_INTERVAL_SECONDS("dashboard_refresh_interval_seconds", Kind.INTEGER, 60, 7 * 24 * 3600, true, "seconds between dashboard refreshes"),
    DASHBOARD_QUIET_HOURS_START("dashboard_quiet_hours_start", Kind.OPTIONAL_HOUR, 0, 23, true, "hour background refresh stops (empty: no quiet hours)"),
    DASHBOARD_QUIET_HOURS_END("dashboard_quiet_hours_end", Kind.OPTIONAL_HOUR, 0, 23, true, "hour background refresh resumes"),
    AUTOMATION_MAX_RETRIES("automation_max_retries", Kind.INTEGER, 0, 10, true, "retries of a failed automation step"),
    DISCOVERY_RETENTION_DAYS("discovery_retention_days", Kind.INTEGER, 1, 3650, true, "days to keep discovery findings"),
    LLM_BASE_URL("llm_base_url", Kind.URL, 0, 0, true, "OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434 (empty: no LLM)"),
    LLM_MODEL("llm_model", Kind.TEXT, 0, 0, true, "model name the LLM endpoint serves"),
    LLM_API_KEY_SECRET("llm_api_key_secret", Kind.TEXT, 0, 0, true, "name of the vault secret holding the LLM's API key"),
    SNAPSHOTS_KEPT_PER_SECRET("snapshots_kept_per_secret", Kind.INTEGER, 1, 1000, true, "dashboard snapshots kept per key before older ones are folded into daily summaries"),
    SUMMARY_RETENTION_DAYS("summary_retention_days", Kind.INTEGER, 1, 3650, true, "days to keep daily dashboard summaries"),
    SEARCH_LOG_RETENTION_DAYS("search_log_retention_days", Kind.INTEGER, 1, 3650, true, "days to keep the discovery search log"),
    EXECUTION_RETENTION_DAYS("execution_retention_days", Kind.INTEGER, 1, 3650, true, "days to keep automation runs and their checkpoint decisions"),
    DEBUG_SCREENSHOT_RETENTION_DAYS("debug_screenshot_retention_days", Kind.INTEGER, 1, 365, true, "days to keep debug screenshots"),
    BROWSER_EXECUTABLE("browser_executable", Kind.TEXT, 0, 0, true, "Chromium or Chrome the automation runner starts (empty: search)"),
    DISCOVERY_SEARCH_URL("discovery_search_url", Kind.URL, 0, 0, true, "SearXNG-compatible JSON search endpoint, asked about providers you hold keys for (empty: no web search)"),
    HYGIENE_UNUSED_DAYS("hygiene_unused_days", Kind.INTEGER, 1, 3650, true, "key hygiene: a key unused for this many days could be revoked"),
    HYGIENE_SPIKE_FACTOR("hygiene_spike_factor", Kind.INTEGER, 2, 100, true, "key hygiene: a day's spend above this many times the trailing median is a spike");

    /** How a setting's text is read and checked. */
    public enum Kind { INTEGER, BOOLEAN, OPTIONAL_HOUR, THEME, TEXT, URL }

    private final String column;
    private final Kind kind;
    private final int min;
    private final int max;
    private final boolean automation;
    private final String meaning;

    Setting(String column, Kind kind, int min, int max, boolean automation, String meaning) {
        this.column = column;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.automation = automation;
        this.meaning = meaning;
    }

    public String key() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isAutomation() {
        return automation;
    }

    public String meaning() {
        return meaning;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.column.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Setting::key).toList();
    }

    /** The database value for {@code text}, or an error that says what is accepted. */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String raw = text == null ? "" : text.trim();
        return switch (kind) {
            case TEXT -> {
                if (raw.length() > 200 || raw.chars().anyMatch(Character::isISOControl)) {
                    throw invalid("text of at most 200 characters");
                }
                yield raw.isEmpty() ? null : raw;
            }
            case URL -> {
                if (raw.isEmpty()) {
                    yield null;
                }
                java.net.URI uri;
                try {
                    uri = new java.net.URI(raw);
                } catch (java.net.URISyntaxException e) {
                    throw invalid("an http(s) URL, or empty");
                }
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw invalid("an http(s) URL, or empty");
                }
                yield raw;
            }
            case BOOLEAN -> switch (t) {
                case "true", "on", "yes", "1" -> 1;
                case "false", "off", "no", "0" -> 0;
                default -> throw invalid("true or false");
            };
            case THEME -> {
                if (!t.equals("light") && !t.equals("dark")) {
                    throw invalid("light or dark");
                }
                yield t;
            }
            case OPTIONAL_HOUR -> t.isEmpty() || t.equals("none") ? null : parseInt(t, "an hour from 0 to 23, or 'none'");
            case INTEGER -> parseInt(t, "a whole number from " + min + " to " + max);
        };
    }

    /** How a stored value reads in {@code settings list}. */
    public String display(Object stored) {
        if (stored == null) {
            return "none";
        }
        return kind == Kind.BOOLEAN ? (((Number) stored).intValue() == 1 ? "true" : "false") : stored.toString();
    }

    private Integer parseInt(String t, String accepted) {
        try {
            int v = Integer.parseInt(t);
            if (v < min || v > max) {
                throw invalid(accepted);
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid(accepted);
        }
    }

    private InvalidInputException invalid(String accepted) {
        return new InvalidInputException(column + " must be " + accepted + "; nothing was changed.");
    }
}
