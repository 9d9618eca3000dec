package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.admin.CostRow;
import dev.keyward.automation.dashboard.admin.KeyMatch;
import dev.keyward.automation.dashboard.admin.UsageRow;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * SQL for what admin APIs report (V106): admin-key roles set by hand, the key inventory and its matches,
 * confirmations, daily usage per provider key and model, daily cost per scope.
 */
public final class AdminRepository {

    /** A random version-4 UUID in SQL, for rows whose id is made inside an INSERT ... ON CONFLICT statement. */
    public static final String NEW_UUID = "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)"
            + " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

    private final String profileId;

    public AdminRepository(String profileId) {
        this.profileId = profileId;
    }

    /** Secret id to provider slug for every secret marked as an admin key by hand. */
    public Map<String, String> adminRoles(Connection c) throws SQLException {
        Map<String, String> roles = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT secret_id, provider_slug FROM admin_key_roles WHERE profile_id = ?")) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return roles;
    }

    public void setAdminRole(Connection c, String secretId, String providerSlug, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO admin_key_roles (secret_id, profile_id, provider_slug, set_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (secret_id) DO UPDATE SET provider_slug = excluded.provider_slug, set_at = excluded.set_at""")) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            ps.setString(3, providerSlug);
            ps.setString(4, Timestamps.format(now));
            ps.executeUpdate();
        }
    }

    public boolean clearAdminRole(Connection c, String secretId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_key_roles WHERE secret_id = ? AND profile_id = ?")) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            return ps.executeUpdate() > 0;
        }
    }

    /** Upstream id to secret id of the matches confirmed by hand for a provider. */
    public Map<String, String> confirmations(Connection c, String providerId) throws SQLException {
        Map<String, String> confirmed = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT upstream_id, secret_id FROM key_match_confirmations WHERE profile_id = ? AND provider_id = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    confirmed.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return confirmed;
    }

    /** Confirms that a provider key is a vault secret; a secret is confirmed for one provider key only. */
    public void confirm(Connection c, String providerId, String upstreamId, String secretId, Instant now) throws SQLException {
        try (PreparedStatement clear = c.prepareStatement(
                "DELETE FROM key_match_confirmations WHERE profile_id = ? AND provider_id = ? AND secret_id = ?")) {
            clear.setString(1, profileId);
            clear.setString(2, providerId);
            clear.setString(3, secretId);
            clear.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO key_match_confirmations (id, profile_id, provider_id, upstream_id, secret_id, confirmed_at)
                VALUES (NEW_UUID, ?, ?, ?, ?, ?)
                ON CONFLICT (profile_id, provider_id, upstream_id) DO UPDATE SET secret_id = excluded.secret_id,
                    confirmed_at = excluded.confirmed_at""".replace("NEW_UUID", NEW_UUID))) {
            ps.setString(1, profileId);
            ps.setString(2, providerId);
            ps.setString(3, upstreamId);
            ps.setString(4, secretId);
            ps.setString(5, Timestamps.format(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE provider_key_inventory SET secret_id = CASE WHEN upstream_id = ? THEN ? ELSE NULL END,
                       match_kind = CASE WHEN upstream_id = ? THEN 'confirmed' ELSE NULL END
                 WHERE profile_id = ? AND provider_id = ? AND (upstream_id = ? OR secret_id = ?)""")) {
            ps.setString(1, upstreamId);
            ps.setString(2, secretId);
            ps.setString(3, upstreamId);
            ps.setString(4, profileId);
            ps.setString(5, providerId);
            ps.setString(6, upstreamId);
            ps.setString(7, secretId);
            ps.executeUpdate();
        }
    }

    /** True when the provider lists a key with this id in its last read inventory. */
    public boolean listed(Connection c, String providerId, String upstreamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM provider_key_inventory WHERE profile_id = ? AND provider_id = ? AND upstream_id = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, providerId);
            ps.setString(3, upstreamId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Stores the matched inventory. After a complete read, keys the provider no longer lists are removed; after
     * a partial one, rows are only added or updated, so a failed page never makes a key look deleted.
     */
    public void storeInventory(Connection c, String providerId, List<KeyMatch> matches, boolean complete, Instant now)
            throws SQLException {
        String seen = Timestamps.format(now);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO provider_key_inventory (id, profile_id, provider_id, upstream_id, name, hint, scope_id, owner,
                    status, is_admin_key, created_at, last_used_at, expires_at, secret_id, match_kind, candidates, seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile_id, provider_id, upstream_id) DO UPDATE SET name = excluded.name,
                    hint = excluded.hint, scope_id = excluded.scope_id, owner = excluded.owner, status = excluded.status,
                    is_admin_key = excluded.is_admin_key, created_at = excluded.created_at,
                    last_used_at = excluded.last_used_at, expires_at = excluded.expires_at,
                    secret_id = excluded.secret_id, match_kind = excluded.match_kind,
                    candidates = excluded.candidates, seen_at = excluded.seen_at""")) {
            for (KeyMatch match : matches) {
                var key = match.key();
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, profileId);
                ps.setString(3, providerId);
                ps.setString(4, key.upstreamId());
                ps.setString(5, key.name());
                ps.setString(6, key.hint());
                ps.setString(7, key.scopeId());
                ps.setString(8, key.owner());
                ps.setString(9, key.status());
                ps.setInt(10, key.adminKey() ? 1 : 0);
                setInstant(ps, 11, key.createdAt());
                setInstant(ps, 12, key.lastUsedAt());
                setInstant(ps, 13, key.expiresAt());
                ps.setString(14, match.secretId());
                ps.setString(15, match.kind());
                ps.setInt(16, match.candidates());
                ps.setString(17, seen);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (complete) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM provider_key_inventory WHERE profile_id = ? AND provider_id = ? AND seen_at <> ?")) {
                ps.setString(1, profileId);
                ps.setString(2, providerId);
                ps.setString(3, seen);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO provider_inventory_reads (id, profile_id, provider_id, read_at, complete)
                VALUES (NEW_UUID, ?, ?, ?, ?)
                ON CONFLICT (profile_id, provider_id) DO UPDATE SET read_at = excluded.read_at, complete = excluded.complete""".replace("NEW_UUID", NEW_UUID))) {
            ps.setString(1, profileId);
            ps.setString(2, providerId);
            ps.setString(3, seen);
            ps.setInt(4, complete ? 1 : 0);
            ps.executeUpdate();
        }
    }

    /** Replaces the stored figures of every (key, day, model) the provider reported now. */
    public void storeUsage(Connection c, String providerId, List<UsageRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO key_usage_daily (id, profile_id, provider_id, upstream_id, usage_date, model, requests,
                    input_tokens, output_tokens) VALUES (NEW_UUID, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile_id, provider_id, upstream_id, usage_date, model) DO UPDATE SET
                    requests = excluded.requests, input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens""".replace("NEW_UUID", NEW_UUID))) {
            for (UsageRow row : rows) {
                ps.setString(1, profileId);
                ps.setString(2, providerId);
                ps.setString(3, row.upstreamId());
                ps.setString(4, row.day().toString());
                ps.setString(5, row.model());
                ps.setLong(6, row.requests());
                ps.setLong(7, row.inputTokens());
                ps.setLong(8, row.outputTokens());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Replaces the stored cost of every (scope, day, currency) the provider reported now. */
    public void storeCosts(Connection c, String providerId, List<CostRow> rows) throws SQLException {
        Map<List<String>, Double> sums = new HashMap<>();
        for (CostRow row : rows) {
            sums.merge(List.of(row.scopeId(), row.day().toString(), row.currency()), row.amount(), Double::sum);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO provider_cost_daily (id, profile_id, provider_id, scope_id, cost_date, amount, currency)
                VALUES (NEW_UUID, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (profile_id, provider_id, scope_id, cost_date, currency) DO UPDATE SET amount = excluded.amount""".replace("NEW_UUID", NEW_UUID))) {
            for (Map.Entry<List<String>, Double> sum : sums.entrySet()) {
                ps.setString(1, profileId);
                ps.setString(2, providerId);
                ps.setString(3, sum.getKey().get(0));
                ps.setString(4, sum.getKey().get(1));
                ps.setDouble(5, sum.getValue());
                ps.setString(6, sum.getKey().get(2));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Writes a key's day of requests and tokens (and its scope's cost, when the key is alone in its scope) into
     * {@code dashboard_daily_summaries}, next to what the snapshot fold keeps there.
     */
    public void storeDailySummary(Connection c, String secretId, String providerId, String day, long requests,
                                  long inputTokens, long outputTokens, Double cost, String currency) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dashboard_daily_summaries (id, profile_id, secret_id, provider_id, summary_date, health_summary,
                    requests, input_tokens, output_tokens, total_cost, cost_currency)
                VALUES (?, ?, ?, ?, ?, 'unknown', ?, ?, ?, ?, ?)
                ON CONFLICT (secret_id, summary_date) DO UPDATE SET requests = excluded.requests,
                    input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
                    total_cost = coalesce(excluded.total_cost, dashboard_daily_summaries.total_cost),
                    cost_currency = coalesce(excluded.cost_currency, dashboard_daily_summaries.cost_currency)
                 WHERE dashboard_daily_summaries.profile_id = excluded.profile_id""")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, profileId);
            ps.setString(3, secretId);
            ps.setString(4, providerId);
            ps.setString(5, day);
            if (requests < 0) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setLong(6, requests);
            }
            ps.setLong(7, inputTokens);
            ps.setLong(8, outputTokens);
            if (cost == null) {
                ps.setNull(9, Types.REAL);
            } else {
                ps.setDouble(9, cost);
            }
            ps.setString(10, currency);
            ps.executeUpdate();
        }
    }

    /** Ids of the secrets some inventory row is matched to, for one provider. */
    public Set<String> matchedSecrets(Connection c, String providerId) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT secret_id FROM provider_key_inventory WHERE profile_id = ? AND provider_id = ? AND secret_id IS NOT NULL")) {
            ps.setString(1, profileId);
            ps.setString(2, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setString(index, value == null ? null : Timestamps.format(value));
    }
}
