package dev.keyward.automation.dashboard.hygiene;

import dev.keyward.automation.dashboard.store.AdminRepository;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@link HygieneFacts} of a profile from the V106 tables, secrets, discovery findings and programs. */
final class HygieneQuery {


    private static final Map<String, String> KEY_PAGES = Map.of(
            "openai", "https://platform.openai.com/api-keys",
            "anthropic", "https://platform.claude.com/settings/keys");
    private static final Map<String, String> USAGE_PAGES = Map.of(
            "openai", "https://platform.openai.com/usage",
            "anthropic", "https://platform.claude.com/usage");

    private final String profileId;

    HygieneQuery(String profileId) {
        this.profileId = profileId;
    }

    HygieneFacts read(Connection c, LocalDate today, Set<String> adminSecretIds) throws SQLException {
        return new HygieneFacts(inventory(c), vaultKeys(c, adminSecretIds), expiries(c), costs(c, today.minusDays(45)),
                modelUses(c, today.minusDays(30)), deprecations(c), rotationScripts(c), dismissed(c));
    }

    static String keyPage(String slug, String dashboardUrl) {
        return KEY_PAGES.getOrDefault(slug, dashboardUrl);
    }

    private List<HygieneFacts.Listed> inventory(Connection c) throws SQLException {
        // The last use is the later of the inventory's own field and the last day usage shows for the key.
        String sql = """
                SELECT p.slug, i.upstream_id, i.name, i.hint, i.status, i.is_admin_key, s.name, i.candidates,
                       i.created_at, i.last_used_at, i.expires_at, p.dashboard_url,
                       (SELECT max(u.usage_date) FROM key_usage_daily u
                         WHERE u.profile_id = i.profile_id AND u.provider_id = i.provider_id AND u.upstream_id = i.upstream_id
                           AND (u.requests > 0 OR u.input_tokens > 0 OR u.output_tokens > 0))
                  FROM provider_key_inventory i
                  JOIN providers p ON p.id = i.provider_id
                  LEFT JOIN secrets s ON s.id = i.secret_id
                 WHERE i.profile_id = ?
                 ORDER BY p.slug, i.upstream_id""";
        List<HygieneFacts.Listed> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant lastUsed = instant(rs.getString(10));
                    String usageDay = rs.getString(13);
                    if (usageDay != null) {
                        Instant fromUsage = LocalDate.parse(usageDay).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                        lastUsed = lastUsed == null || fromUsage.isAfter(lastUsed) ? fromUsage : lastUsed;
                    }
                    rows.add(new HygieneFacts.Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6) == 1, rs.getString(7), rs.getInt(8), instant(rs.getString(9)),
                            lastUsed, instant(rs.getString(11)), keyPage(rs.getString(1), rs.getString(12))));
                }
            }
        }
        return rows;
    }

    private List<HygieneFacts.VaultKey> vaultKeys(Connection c, Set<String> adminSecretIds) throws SQLException {
        String sql = """
                SELECT p.slug, s.id, s.name, p.dashboard_url, s.expires_at,
                       EXISTS (SELECT 1 FROM provider_key_inventory i WHERE i.profile_id = s.profile_id
                                  AND i.provider_id = p.id AND i.secret_id = s.id)
                  FROM secrets s
                  JOIN providers p ON p.id = s.provider_id AND p.profile_id = s.profile_id
                  JOIN provider_inventory_reads r ON r.profile_id = s.profile_id AND r.provider_id = p.id AND r.complete = 1
                 WHERE s.profile_id = ?
                 ORDER BY s.name""";
        List<HygieneFacts.VaultKey> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String slug = rs.getString(1);
                    if (dev.keyward.automation.dashboard.store.LoginSecrets.isLoginSecret(rs.getString(3), slug)) {
                        continue;
                    }
                    rows.add(new HygieneFacts.VaultKey(slug, rs.getString(2), rs.getString(3), rs.getInt(6) == 1,
                            adminSecretIds.contains(rs.getString(2)), keyPage(slug, rs.getString(4))));
                }
            }
        }
        return rows;
    }

    private List<HygieneFacts.Expiry> expiries(Connection c) throws SQLException {
        // The newest snapshot that holds configuration says what the provider reports now (idx on secret, collected_at).
        String sql = """
                SELECT p.slug, s.id, s.name, p.dashboard_url, s.expires_at,
                       (SELECT json_extract(d.config_attributes_json, '$.token_expires_at') FROM dashboard_snapshots d
                         WHERE d.profile_id = s.profile_id AND d.secret_id = s.id AND d.config_attributes_json IS NOT NULL
                         ORDER BY d.collected_at DESC LIMIT 1)
                  FROM secrets s
                  JOIN providers p ON p.id = s.provider_id AND p.profile_id = s.profile_id
                 WHERE s.profile_id = ?
                 ORDER BY s.name""";
        List<HygieneFacts.Expiry> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String slug = rs.getString(1);
                    if (dev.keyward.automation.dashboard.store.LoginSecrets.isLoginSecret(rs.getString(3), slug)) {
                        continue;
                    }
                    Instant own = instant(rs.getString(5));
                    Instant reported = reportedInstant(rs.getString(6));
                    boolean byProvider = reported != null && (own == null || reported.isBefore(own));
                    Instant expiresAt = byProvider ? reported : own;
                    if (expiresAt != null) {
                        rows.add(new HygieneFacts.Expiry(slug, rs.getString(2), rs.getString(3), expiresAt, byProvider,
                                keyPage(slug, rs.getString(4))));
                    }
                }
            }
        }
        return rows;
    }

    // Written by a collector as Instant.toString(); anything else in the column is ignored, never trusted.
    private static Instant reportedInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private List<HygieneFacts.DailyCost> costs(Connection c, LocalDate from) throws SQLException {
        List<HygieneFacts.DailyCost> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.slug, d.scope_id, d.cost_date, d.amount, d.currency, p.dashboard_url
                  FROM provider_cost_daily d JOIN providers p ON p.id = d.provider_id
                 WHERE d.profile_id = ? AND d.cost_date >= ?""")) {
            ps.setString(1, profileId);
            ps.setString(2, from.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HygieneFacts.DailyCost(rs.getString(1), rs.getString(2), LocalDate.parse(rs.getString(3)),
                            rs.getDouble(4), rs.getString(5), USAGE_PAGES.getOrDefault(rs.getString(1), rs.getString(6))));
                }
            }
        }
        return rows;
    }

    private List<HygieneFacts.ModelUse> modelUses(Connection c, LocalDate from) throws SQLException {
        // Uses idx_key_usage_daily_model.
        List<HygieneFacts.ModelUse> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT u.provider_id, u.model, coalesce('''' || s.name || '''', '"' || i.name || '"', u.upstream_id),
                       max(u.usage_date)
                  FROM key_usage_daily u
                  LEFT JOIN provider_key_inventory i ON i.profile_id = u.profile_id AND i.provider_id = u.provider_id
                                                   AND i.upstream_id = u.upstream_id
                  LEFT JOIN secrets s ON s.id = i.secret_id
                 WHERE u.profile_id = ? AND u.usage_date >= ? AND u.model <> ''
                   AND (u.requests > 0 OR u.input_tokens > 0 OR u.output_tokens > 0)
                 GROUP BY u.provider_id, u.model, u.upstream_id""")) {
            ps.setString(1, profileId);
            ps.setString(2, from.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HygieneFacts.ModelUse(rs.getString(1), rs.getString(2), rs.getString(3),
                            LocalDate.parse(rs.getString(4))));
                }
            }
        }
        return rows;
    }

    private List<HygieneFacts.Deprecation> deprecations(Connection c) throws SQLException {
        List<HygieneFacts.Deprecation> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT f.id, f.provider_id, p.slug, f.source_title, f.source_snippet || ' ' || f.impact_summary, f.urgency
                  FROM discovery_findings f JOIN providers p ON p.id = f.provider_id
                 WHERE f.profile_id = ? AND f.category = 'deprecation' AND f.user_status IN ('new', 'reviewed')""")) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HygieneFacts.Deprecation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return rows;
    }

    private Map<String, List<HygieneAction.RunRotationProgram>> rotationScripts(Connection c) throws SQLException {
        Map<String, List<HygieneAction.RunRotationProgram>> scripts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.slug, a.id, a.title FROM automation_scripts a JOIN providers p ON p.id = a.provider_id
                 WHERE a.profile_id = ? AND a.task_type = 'api_key_management' AND a.approval_status = 'approved'
                 ORDER BY a.title""")) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    scripts.computeIfAbsent(rs.getString(1), s -> new ArrayList<>())
                            .add(new HygieneAction.RunRotationProgram(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return scripts;
    }

    private Set<String> dismissed(Connection c) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT finding_key FROM hygiene_dismissals WHERE profile_id = ?")) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /** Records a dismissal; dismissing twice changes nothing. */
    void dismiss(Connection c, String findingKey, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO hygiene_dismissals (id, profile_id, finding_key, dismissed_at)"
                        + " VALUES (" + AdminRepository.NEW_UUID + ", ?, ?, ?)")) {
            ps.setString(1, profileId);
            ps.setString(2, findingKey);
            ps.setString(3, Timestamps.format(now));
            ps.executeUpdate();
        }
    }

    /** Raises a discovery finding's urgency to {@code urgency} when it is lower; true when it changed. */
    boolean raiseUrgency(Connection c, String findingId, String urgency) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE discovery_findings SET urgency = ?
                 WHERE id = ? AND profile_id = ?
                   AND (CASE urgency WHEN 'critical' THEN 3 WHEN 'action_needed' THEN 2 WHEN 'advisory' THEN 1 ELSE 0 END)
                     < (CASE ? WHEN 'critical' THEN 3 WHEN 'action_needed' THEN 2 WHEN 'advisory' THEN 1 ELSE 0 END)""")) {
            ps.setString(1, urgency);
            ps.setString(2, findingId);
            ps.setString(3, profileId);
            ps.setString(4, urgency);
            return ps.executeUpdate() > 0;
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Timestamps.parse(text);
    }
}
