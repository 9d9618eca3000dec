package dev.keyward.vault.secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code secrets} and {@code secret_versions}; every query filters on profile_id. */
final class SecretRepository {

    private static final String SELECT_INFO = """
            SELECT s.id, s.name, p.slug, s.current_version, s.last4, s.fingerprint, s.created_at,
                   s.updated_at, s.rotated_at, s.expires_at, s.last_used_at
              FROM secrets s LEFT JOIN providers p ON p.id = s.provider_id
            """;

    private final String profileId;

    SecretRepository(String profileId) {
        this.profileId = profileId;
    }

    /** Uses UNIQUE (profile_id, name). */
    Optional<SecretInfo> findByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_INFO + " WHERE s.profile_id = ? AND s.name = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        }
    }

    Optional<SecretInfo> findById(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_INFO + " WHERE s.profile_id = ? AND s.id = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        }
    }

    List<SecretInfo> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_INFO + " WHERE s.profile_id = ? ORDER BY s.name")) {
            ps.setString(1, profileId);
            return infos(ps);
        }
    }

    /** Uses idx_secrets_profile_fingerprint. */
    List<SecretInfo> findByFingerprint(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_INFO + " WHERE s.profile_id = ? AND s.fingerprint = ? ORDER BY s.name")) {
            ps.setString(1, profileId);
            ps.setString(2, fingerprint);
            return infos(ps);
        }
    }

    void insertSecret(Connection c, String id, String name, String providerId, String fingerprint, String last4,
                      String expiresAt, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO secrets (id, profile_id, name, provider_id, current_version, fingerprint, last4,
                                     expires_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, id);
            ps.setString(2, profileId);
            ps.setString(3, name);
            ps.setString(4, providerId);
            ps.setString(5, fingerprint);
            ps.setString(6, last4);
            ps.setString(7, expiresAt);
            ps.setString(8, now);
            ps.setString(9, now);
            ps.executeUpdate();
        }
    }

    void insertVersion(Connection c, String id, String secretId, int version, byte[] ciphertext, String fingerprint,
                       String last4, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO secret_versions (id, profile_id, secret_id, version, value_ciphertext, fingerprint, last4, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, id);
            ps.setString(2, profileId);
            ps.setString(3, secretId);
            ps.setInt(4, version);
            ps.setBytes(5, ciphertext);
            ps.setString(6, fingerprint);
            ps.setString(7, last4);
            ps.setString(8, now);
            ps.executeUpdate();
        }
    }

    void makeCurrent(Connection c, String secretId, int version, String fingerprint, String last4, String now)
            throws SQLException {
        try (PreparedStatement retire = c.prepareStatement("""
                UPDATE secret_versions SET retired_at = ?
                 WHERE profile_id = ? AND secret_id = ? AND version < ? AND retired_at IS NULL""")) {
            retire.setString(1, now);
            retire.setString(2, profileId);
            retire.setString(3, secretId);
            retire.setInt(4, version);
            retire.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE secrets SET current_version = ?, fingerprint = ?, last4 = ?, updated_at = ?, rotated_at = ?
                 WHERE profile_id = ? AND id = ?""")) {
            ps.setInt(1, version);
            ps.setString(2, fingerprint);
            ps.setString(3, last4);
            ps.setString(4, now);
            ps.setString(5, now);
            ps.setString(6, profileId);
            ps.setString(7, secretId);
            ps.executeUpdate();
        }
    }

    byte[] ciphertext(Connection c, String secretId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT value_ciphertext FROM secret_versions WHERE profile_id = ? AND secret_id = ? AND version = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, secretId);
            ps.setInt(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** Every stored ciphertext with its place, for the redactor and for re-keying. */
    List<StoredValue> allValues(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT secret_id, version, value_ciphertext FROM secret_versions WHERE profile_id = ?")) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredValue> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new StoredValue(rs.getString(1), rs.getInt(2), rs.getBytes(3)));
                }
                return out;
            }
        }
    }

    /** Every version of every secret with its name, newest first per secret; uses idx_secret_versions_profile. */
    List<NamedValue> allNamedValues(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.name, v.secret_id, v.version, s.current_version, v.last4, v.value_ciphertext
                  FROM secret_versions v JOIN secrets s ON s.id = v.secret_id
                 WHERE v.profile_id = ? AND s.profile_id = ? ORDER BY s.name, v.version DESC""")) {
            ps.setString(1, profileId);
            ps.setString(2, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                List<NamedValue> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new NamedValue(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            rs.getString(5), rs.getBytes(6)));
                }
                return out;
            }
        }
    }

    List<SecretVersionInfo> versions(Connection c, String secretId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT version, last4, created_at, retired_at FROM secret_versions
                 WHERE profile_id = ? AND secret_id = ? ORDER BY version DESC""")) {
            ps.setString(1, profileId);
            ps.setString(2, secretId);
            try (ResultSet rs = ps.executeQuery()) {
                List<SecretVersionInfo> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new SecretVersionInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
                return out;
            }
        }
    }

    void touchUsed(Connection c, String secretId, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE secrets SET last_used_at = ? WHERE profile_id = ? AND id = ?")) {
            ps.setString(1, now);
            ps.setString(2, profileId);
            ps.setString(3, secretId);
            ps.executeUpdate();
        }
    }

    void rename(Connection c, String secretId, String newName, String providerId, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE secrets SET name = ?, provider_id = ?, updated_at = ? WHERE profile_id = ? AND id = ?")) {
            ps.setString(1, newName);
            ps.setString(2, providerId);
            ps.setString(3, now);
            ps.setString(4, profileId);
            ps.setString(5, secretId);
            ps.executeUpdate();
        }
    }

    boolean delete(Connection c, String secretId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM secrets WHERE profile_id = ? AND id = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, secretId);
            return ps.executeUpdate() == 1;
        }
    }

    /** A ciphertext and where it belongs. */
    record StoredValue(String secretId, int version, byte[] ciphertext) {
    }

    record NamedValue(String name, String secretId, int version, int currentVersion, String last4, byte[] ciphertext) {
    }

    private static List<SecretInfo> infos(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<SecretInfo> out = new ArrayList<>();
            while (rs.next()) {
                out.add(info(rs));
            }
            return out;
        }
    }

    private static SecretInfo info(ResultSet rs) throws SQLException {
        return new SecretInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
    }
}
