package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.WatchedKey;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the secrets the dashboard watches: every secret with a provider, except the sign-in
 * secrets of {@link LoginSecrets}. Uses the UNIQUE (profile_id, name) index of secrets.
 */
public final class WatchedKeyQuery {

    private static final String SELECT = """
            SELECT s.id, s.name, p.id, p.slug, p.api_family, p.api_base_url, p.dashboard_url, p.status_page_url,
                   coalesce(s.rotated_at, s.created_at), s.expires_at
              FROM secrets s
              JOIN providers p ON p.id = s.provider_id AND p.profile_id = s.profile_id
             WHERE s.profile_id = ?""";

    private final String profileId;

    public WatchedKeyQuery(String profileId) {
        this.profileId = profileId;
    }

    /** Every watched key, in name order. */
    public List<WatchedKey> all(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY s.name")) {
            ps.setString(1, profileId);
            return read(ps);
        }
    }

    /** The watched key named {@code name}; empty when there is none or it has no provider. */
    public List<WatchedKey> named(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " AND s.name = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, name);
            return read(ps);
        }
    }

    private static List<WatchedKey> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<WatchedKey> keys = new ArrayList<>();
            while (rs.next()) {
                if (LoginSecrets.isLoginSecret(rs.getString(2), rs.getString(4))) {
                    continue;
                }
                keys.add(new WatchedKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        instant(rs.getString(9)), instant(rs.getString(10))));
            }
            return keys;
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            // expires_at may hold a bare date typed by a user; midnight UTC of that day.
            try {
                return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (java.time.format.DateTimeParseException again) {
                return null;
            }
        }
    }
}
