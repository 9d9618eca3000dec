package dev.keyward.vault.settings;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.session.VaultSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and changes {@code profile_settings}, one validated field at a time. */
public final class SettingsService {

    private final VaultSession session;

    public SettingsService(VaultSession session) {
        this.session = session;
    }

    /** Creates the profile's settings row with defaults (profile creation). */
    public static void createDefaults(Connection c, String profileId, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO profile_settings (profile_id, updated_at) VALUES (?, ?)")) {
            ps.setString(1, profileId);
            ps.setString(2, now);
            ps.executeUpdate();
        }
    }

    /** Every setting this profile has, in {@link Setting} order, as stored values. */
    public Map<Setting, Object> values() {
        boolean automation = session.automationEnabled();
        List<Setting> present = java.util.Arrays.stream(Setting.values())
                .filter(s -> automation || !s.isAutomation()).toList();
        String columns = String.join(", ", present.stream().map(Setting::key).toList());
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + columns + " FROM profile_settings WHERE profile_id = ?")) {
                ps.setString(1, session.profileId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        // Every profile gets its row at creation, so a missing one is damage, not a state to repair.
                        throw new VaultDamagedException(VaultErrorKind.PROFILE_DAMAGED, ErrorFacts.of(
                                Fact.PROFILE, session.profile().name(), Fact.DETAIL, "its settings row is missing"));
                    }
                    Map<Setting, Object> out = new LinkedHashMap<>();
                    for (int i = 0; i < present.size(); i++) {
                        out.put(present.get(i), rs.getObject(i + 1));
                    }
                    return out;
                }
            }
        });
    }

    public ProfileSettings current() {
        return ProfileSettings.from(values());
    }

    /** Validates and stores one setting; an automation setting enables the automation schema. */
    public void set(String key, String text) {
        Setting setting = Setting.byKey(key).orElseThrow(() -> new InvalidInputException(
                "There is no setting '" + key + "'. Settings: " + String.join(", ", Setting.keys()) + "."));
        Object value = setting.parse(text);
        if (setting.isAutomation()) {
            session.enableAutomation();
        }
        session.database().write(c -> {
            checkQuietHoursPair(c, setting, value);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE profile_settings SET " + setting.key() + " = ?, updated_at = ? WHERE profile_id = ?")) {
                ps.setObject(1, value);
                ps.setString(2, Timestamps.now(session.clock()));
                ps.setString(3, session.profileId());
                ps.executeUpdate();
            }
            session.audit().record(c, "settings", "set", "setting", setting.key(),
                    Map.of("key", setting.key(), "value", setting.display(value)));
            return null;
        });
    }

    /** Quiet hours need both ends or neither; equal ends would silence the whole day. */
    private void checkQuietHoursPair(Connection c, Setting setting, Object value) throws SQLException {
        if (setting != Setting.DASHBOARD_QUIET_HOURS_START && setting != Setting.DASHBOARD_QUIET_HOURS_END) {
            return;
        }
        Setting other = setting == Setting.DASHBOARD_QUIET_HOURS_START
                ? Setting.DASHBOARD_QUIET_HOURS_END : Setting.DASHBOARD_QUIET_HOURS_START;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + other.key() + " FROM profile_settings WHERE profile_id = ?")) {
            ps.setString(1, session.profileId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object otherValue = rs.getObject(1);
                if (value != null && value.equals(otherValue)) {
                    throw new InvalidInputException("Quiet hours must start and end at different hours; nothing was changed.");
                }
            }
        }
    }
}
