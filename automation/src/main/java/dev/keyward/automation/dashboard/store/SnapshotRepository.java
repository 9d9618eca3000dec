package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.TextRedactor;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.automation.dashboard.refresh.StoredSnapshot;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for {@code dashboard_snapshots}: one row per collection, written as soon as a key is
 * refreshed. Every text a user could read passes the redactor on its way in.
 */
public final class SnapshotRepository {

    private final String profileId;
    private final TextRedactor redactor;

    public SnapshotRepository(String profileId, TextRedactor redactor) {
        this.profileId = profileId;
        this.redactor = redactor;
    }

    /** Inserts the snapshot of one refreshed key and returns its id. */
    public String insert(Connection c, KeyRefreshResult refreshed) throws SQLException {
        CollectionResult r = refreshed.result();
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dashboard_snapshots (id, profile_id, secret_id, provider_id, collected_at, collection_method,
                    collection_status, usage_stats_json, config_attributes_json, restrictions_json, health_status,
                    service_status, warnings_json, error_message_redacted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, id);
            ps.setString(2, profileId);
            ps.setString(3, refreshed.target().secretId());
            ps.setString(4, refreshed.target().providerId());
            ps.setString(5, Timestamps.format(refreshed.collectedAt()));
            ps.setString(6, r.method().dbValue());
            ps.setString(7, r.status().dbValue());
            ps.setString(8, clean(r.usageStatsJson()));
            ps.setString(9, clean(r.configAttributesJson()));
            ps.setString(10, clean(r.restrictionsJson()));
            ps.setString(11, r.health().dbValue());
            ps.setString(12, r.service().dbValue());
            ps.setString(13, clean(r.warningsJson()));
            ps.setString(14, clean(r.errorMessageRedacted()));
            ps.executeUpdate();
        }
        return id;
    }

    /**
     * The newest snapshot of the secret that came from the provider itself (api or scrape) and
     * yielded data; the cached fallback copies it. Uses idx_dashboard_snapshots_secret_collected.
     */
    public Optional<StoredSnapshot> lastGood(Connection c, String secretId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT collected_at, collection_method, collection_status, usage_stats_json, config_attributes_json,
                       restrictions_json, health_status, service_status, warnings_json
                  FROM dashboard_snapshots INDEXED BY idx_dashboard_snapshots_secret_collected
                 WHERE secret_id = ? AND profile_id = ?
                   AND collection_method IN ('api', 'scrape') AND collection_status IN ('success', 'partial')
                 ORDER BY collected_at DESC, id
                 LIMIT 1""")) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                CollectionResult result = new CollectionResult(
                        CollectionMethod.fromDbValue(rs.getString(2)),
                        CollectionStatus.fromDbValue(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        HealthStatus.fromDbValue(rs.getString(7)),
                        ServiceStatus.fromDbValue(rs.getString(8)),
                        List.of(), null, FailureCause.NONE);
                return Optional.of(new StoredSnapshot(Timestamps.parse(rs.getString(1)), result));
            }
        }
    }

    /** How many snapshots the secret has. Uses idx_dashboard_snapshots_secret_collected. */
    public int countFor(Connection c, String secretId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM dashboard_snapshots INDEXED BY idx_dashboard_snapshots_secret_collected WHERE secret_id = ? AND profile_id = ?")) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private String clean(String text) {
        return text == null ? null : redactor.redact(text);
    }
}
