package dev.keyward.app.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.settings.Setting;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsFormTest {

    private static Map<Setting, String> defaults() {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            m.put(s, switch (s.kind()) {
                case BOOLEAN -> "false";
                case THEME -> "light";
                case OPTIONAL_HOUR -> "";
                case INTEGER -> Integer.toString(s.min());
                case TEXT, URL -> "";
            });
        }
        return m;
    }

    @Test
    void onlyChangedFieldsAreCheckedAndEachKeepsItsOwnError() {
        Map<Setting, String> initial = defaults();
        Map<Setting, String> now = new EnumMap<>(initial);
        now.put(Setting.AUTO_LOCK_MINUTES, "0");
        now.put(Setting.THEME, "purple");
        now.put(Setting.CLIPBOARD_CLEAR_SECONDS, " 30 ");
        Map<Setting, String> changed = SettingsForm.changed(initial, now);
        assertEquals(3, changed.size());
        Map<Setting, String> errors = SettingsForm.errors(changed, now);
        assertEquals(2, errors.size());
        assertTrue(errors.get(Setting.THEME).contains("light or dark"));
        assertTrue(errors.get(Setting.AUTO_LOCK_MINUTES).contains("from 1 to 1440"));
    }

    @Test
    void quietHoursNeedTwoDifferentEnds() {
        Map<Setting, String> initial = defaults();
        Map<Setting, String> now = new EnumMap<>(initial);
        now.put(Setting.DASHBOARD_QUIET_HOURS_START, "22");
        assertEquals("Set both ends of the quiet hours, or neither.", SettingsForm.errors(
                SettingsForm.changed(initial, now), now).get(Setting.DASHBOARD_QUIET_HOURS_END));
        now.put(Setting.DASHBOARD_QUIET_HOURS_END, "22");
        assertEquals("Quiet hours must start and end at different hours.", SettingsForm.errors(
                SettingsForm.changed(initial, now), now).get(Setting.DASHBOARD_QUIET_HOURS_END));
        now.put(Setting.DASHBOARD_QUIET_HOURS_END, "6");
        assertTrue(SettingsForm.errors(SettingsForm.changed(initial, now), now).isEmpty());
    }
}
