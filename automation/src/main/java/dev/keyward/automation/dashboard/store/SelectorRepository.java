package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.ProviderSelector;
import dev.keyward.vault.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * SQL for {@code provider_selectors}: versioned selectors per provider and data type. The newest
 * version of a data type is the one in use; a broken one stays broken until a newer version is added.
 * Lookups use idx_provider_selectors_provider_type_version.
 */
public final class SelectorRepository {

    /** Selector types a user may add. */
    public static final Set<String> SELECTOR_TYPES = Set.of("css", "xpath", "json_path");

    private static final String COLUMNS =
            "id, provider_id, data_type, selector_type, selector_value, verification_status, verified_at, version";

    private final String profileId;

    public SelectorRepository(String profileId) {
        this.profileId = profileId;
    }

    /** The version in use of each data type of the provider (the highest), by data type. */
    public List<ProviderSelector> current(Connection c, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " " + """
                 FROM provider_selectors s
                 WHERE provider_id = ? AND profile_id = ?
                   AND version = (SELECT max(version) FROM provider_selectors v
                                   WHERE v.provider_id = s.provider_id AND v.data_type = s.data_type
                                     AND v.profile_id = s.profile_id)
                 ORDER BY data_type""")) {
            ps.setString(1, providerId);
            ps.setString(2, profileId);
            return read(ps);
        }
    }

    /** Every version of every data type of the provider, oldest version first. */
    public List<ProviderSelector> all(Connection c, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM provider_selectors WHERE provider_id = ? AND profile_id = ? ORDER BY data_type, version")) {
            ps.setString(1, providerId);
            ps.setString(2, profileId);
            return read(ps);
        }
    }

    /** Inserts {@code seeds} as version 1 where the provider has no version 1 of that data type yet. */
    public int seedVersionOne(Connection c, String providerId, List<SelectorSeed> seeds, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT OR IGNORE INTO provider_selectors (id, profile_id, provider_id, data_type, selector_type,
                    selector_value, verification_status, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'unverified', 1, ?, ?)""")) {
            for (SelectorSeed seed : seeds) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, profileId);
                ps.setString(3, providerId);
                ps.setString(4, seed.dataType());
                ps.setString(5, seed.selectorType());
                ps.setString(6, seed.selectorValue());
                ps.setString(7, now);
                ps.setString(8, now);
                ps.addBatch();
            }
            int added = 0;
            for (int n : ps.executeBatch()) {
                added += Math.max(0, n);
            }
            return added;
        }
    }

    /** Adds the next version of a data type (unverified) and returns it; the old versions stay as history. */
    public ProviderSelector addVersion(Connection c, String providerId, String dataType, String selectorType,
                                       String selectorValue, String now) throws SQLException {
        if (!dataType.matches("(usage|config|restriction|login)_[a-z0-9_]{1,60}")) {
            throw new InvalidInputException("A selector's data type is usage_NAME, config_NAME, restriction_NAME or "
                    + "login_username|login_password|login_submit, in lower case; nothing was changed.");
        }
        if (!SELECTOR_TYPES.contains(selectorType)) {
            throw new InvalidInputException("A selector's type is css, xpath or json_path; nothing was changed.");
        }
        if (selectorValue == null || selectorValue.isBlank() || selectorValue.length() > 500) {
            throw new InvalidInputException("A selector needs a value of 1 to 500 characters; nothing was changed.");
        }
        int next;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT coalesce(max(version), 0) + 1 FROM provider_selectors
                 WHERE provider_id = ? AND data_type = ? AND profile_id = ?""")) {
            ps.setString(1, providerId);
            ps.setString(2, dataType);
            ps.setString(3, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                next = rs.getInt(1);
            }
        }
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO provider_selectors (id, profile_id, provider_id, data_type, selector_type, selector_value,
                    verification_status, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'unverified', ?, ?, ?)""")) {
            ps.setString(1, id);
            ps.setString(2, profileId);
            ps.setString(3, providerId);
            ps.setString(4, dataType);
            ps.setString(5, selectorType);
            ps.setString(6, selectorValue.strip());
            ps.setInt(7, next);
            ps.setString(8, now);
            ps.setString(9, now);
            ps.executeUpdate();
        }
        return new ProviderSelector(id, providerId, dataType, selectorType, selectorValue.strip(), "unverified", null, next);
    }

    /** Marks selectors as found on the page just now. */
    public void markVerified(Connection c, Collection<String> selectorIds, String now) throws SQLException {
        setStatus(c, selectorIds, "verified", now);
    }

    /** Marks selectors as no longer matching the provider's page. */
    public void markBroken(Connection c, Collection<String> selectorIds, String now) throws SQLException {
        setStatus(c, selectorIds, "broken", now);
    }

    private void setStatus(Connection c, Collection<String> ids, String status, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE provider_selectors SET verification_status = ?, updated_at = ?,
                       verified_at = CASE WHEN ? = 'verified' THEN ? ELSE verified_at END
                 WHERE id = ? AND profile_id = ?""")) {
            for (String id : ids) {
                ps.setString(1, status);
                ps.setString(2, now);
                ps.setString(3, status);
                ps.setString(4, now);
                ps.setString(5, id);
                ps.setString(6, profileId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<ProviderSelector> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<ProviderSelector> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ProviderSelector(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)));
            }
            return out;
        }
    }
}
