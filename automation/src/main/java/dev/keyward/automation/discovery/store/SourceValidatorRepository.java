package dev.keyward.automation.discovery.store;

import dev.keyward.automation.net.Validators;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes {@code discovery_source_validators} of one profile: the ETag and Last-Modified each source
 * address last answered with. The caller owns the connection and its transaction.
 */
public final class SourceValidatorRepository {

    private final String profileId;

    public SourceValidatorRepository(String profileId) {
        this.profileId = Objects.requireNonNull(profileId, "profileId");
    }

    public Optional<Validators> find(Connection c, String url) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT etag, last_modified FROM discovery_source_validators WHERE profile_id = ? AND url = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Validators(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** Stores (or replaces) the validators of {@code url}, stamped {@code now}; they must not both be blank. */
    public void upsert(Connection c, String url, Validators validators, Instant now) throws SQLException {
        if (!validators.isPresent()) {
            throw new IllegalArgumentException("Only validators with an ETag or a Last-Modified date are stored.");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO discovery_source_validators (id, profile_id, url, etag, last_modified, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile_id, url) DO UPDATE SET etag = excluded.etag,
                    last_modified = excluded.last_modified, updated_at = excluded.updated_at""")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, profileId);
            ps.setString(3, url);
            ps.setString(4, blankToNull(validators.etag()));
            ps.setString(5, blankToNull(validators.lastModified()));
            ps.setString(6, Timestamps.format(now));
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, String url) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM discovery_source_validators WHERE profile_id = ? AND url = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, url);
            ps.executeUpdate();
        }
    }

    /** Deletes validators not confirmed since {@code before}, and those of addresses outside {@code configured}. */
    public int deleteStale(Connection c, Instant before, Set<String> configured) throws SQLException {
        int deleted;
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM discovery_source_validators WHERE profile_id = ? AND updated_at < ?")) {
            ps.setString(1, profileId);
            ps.setString(2, Timestamps.format(before));
            deleted = ps.executeUpdate();
        }
        for (String url : urls(c)) {
            if (!configured.contains(url)) {
                delete(c, url);
                deleted++;
            }
        }
        return deleted;
    }

    /** Every address with stored validators. */
    public List<String> urls(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT url FROM discovery_source_validators WHERE profile_id = ? ORDER BY url")) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
