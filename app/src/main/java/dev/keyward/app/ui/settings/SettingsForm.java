package dev.keyward.app.ui.settings;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.settings.ProfileSettings;
import dev.keyward.vault.settings.Setting;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings form's logic without JavaFX: the text each field starts with, and the checks a
 * set of edits must pass before anything is saved (each field's own rule, plus quiet hours that
 * must not start and end at the same hour).
 */
public final class SettingsForm {

    private SettingsForm() {
    }

    /** The text of every setting: stored values where present, else the profile's defaults. */
    public static Map<Setting, String> texts(Map<Setting, Object> stored, ProfileSettings current) {
        Map<Setting, String> out = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            Object value = stored.containsKey(s) ? stored.get(s) : defaultOf(s, current);
            out.put(s, value == null ? "" : s.display(value));
        }
        return out;
    }

    /** The fields whose text differs from {@code initial}. */
    public static Map<Setting, String> changed(Map<Setting, String> initial, Map<Setting, String> now) {
        Map<Setting, String> out = new EnumMap<>(Setting.class);
        now.forEach((s, text) -> {
            if (!Objects.equals(initial.get(s), text.trim())) {
                out.put(s, text.trim());
            }
        });
        return out;
    }

    /** The error sentence of each changed field that would be refused; empty when all may be saved. */
    public static Map<Setting, String> errors(Map<Setting, String> changed, Map<Setting, String> all) {
        Map<Setting, String> errors = new EnumMap<>(Setting.class);
        changed.forEach((s, text) -> {
            try {
                s.parse(text);
            } catch (InvalidInputException e) {
                errors.put(s, e.getMessage());
            }
        });
        boolean quietTouched = changed.containsKey(Setting.DASHBOARD_QUIET_HOURS_START)
                || changed.containsKey(Setting.DASHBOARD_QUIET_HOURS_END);
        if (quietTouched && errors.isEmpty()) {
            Object start = Setting.DASHBOARD_QUIET_HOURS_START.parse(all.get(Setting.DASHBOARD_QUIET_HOURS_START));
            Object end = Setting.DASHBOARD_QUIET_HOURS_END.parse(all.get(Setting.DASHBOARD_QUIET_HOURS_END));
            if (start != null && start.equals(end)) {
                Setting blamed = changed.containsKey(Setting.DASHBOARD_QUIET_HOURS_END)
                        ? Setting.DASHBOARD_QUIET_HOURS_END : Setting.DASHBOARD_QUIET_HOURS_START;
                errors.put(blamed, "Quiet hours must start and end at different hours.");
            } else if ((start == null) != (end == null)) {
                Setting blamed = start == null ? Setting.DASHBOARD_QUIET_HOURS_START : Setting.DASHBOARD_QUIET_HOURS_END;
                errors.put(blamed, "Set both ends of the quiet hours, or neither.");
            }
        }
        return errors;
    }

    private static Object defaultOf(Setting s, ProfileSettings c) {
        return switch (s) {
            case AUTO_LOCK_MINUTES -> c.autoLockMinutes();
            case CLIPBOARD_CLEAR_SECONDS -> c.clipboardClearSeconds();
            case BACKGROUND_REFRESH_WHILE_LOCKED -> c.backgroundRefreshWhileLocked() ? 1 : 0;
            case KEY_AGE_WARNING_DAYS -> c.keyAgeWarningDays();
            case THEME -> c.theme();
            case AUTONOMOUS_MODE_ENABLED -> c.autonomousModeEnabled() ? 1 : 0;
            case DISCOVERY_NETWORK_ENABLED -> c.discoveryNetworkEnabled() ? 1 : 0;
            case DISCOVERY_SCHEDULE_HOUR -> c.discoveryScheduleHour();
            case DASHBOARD_REFRESH_INTERVAL_SECONDS -> c.dashboardRefreshIntervalSeconds();
            case DASHBOARD_QUIET_HOURS_START -> c.dashboardQuietHoursStart();
            case DASHBOARD_QUIET_HOURS_END -> c.dashboardQuietHoursEnd();
            case AUTOMATION_MAX_RETRIES -> c.automationMaxRetries();
            case DISCOVERY_RETENTION_DAYS -> c.discoveryRetentionDays();
            // Settings added later show empty until the automation schema stores them.
            default -> null;
        };
    }
}
