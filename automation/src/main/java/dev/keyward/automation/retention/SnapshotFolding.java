package dev.keyward.automation.retention;

import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.store.DailySummaryRepository;
import dev.keyward.automation.dashboard.summary.DailySummary;
import dev.keyward.automation.dashboard.summary.DailySummaryFold;
import dev.keyward.automation.dashboard.summary.SnapshotRetention;
import dev.keyward.automation.dashboard.summary.SnapshotSample;
import dev.keyward.automation.dashboard.summary.SummaryKey;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the snapshots of a secret beyond its newest {@code keep} into daily summaries, a bounded
 * batch at a time: each batch's summaries are written in the same transaction that deletes its
 * snapshots, so an interrupted run loses nothing and the next run goes on where it stopped. The
 * oldest snapshots go first, in the reverse of {@link SnapshotRetention}'s newest-first order.
 * Queries name idx_dashboard_snapshots_secret_collected with {@code INDEXED BY} (see
 * {@link dev.keyward.automation.dashboard.store.OverviewQuery} for why).
 */
final class SnapshotFolding {

    /** Counts of one folded batch. */
    record Batch(int snapshots, Set<LocalDate> days) {
    }

    private final String profileId;
    private final DailySummaryRepository summaries;

    SnapshotFolding(String profileId) {
        this.profileId = profileId;
        this.summaries = new DailySummaryRepository(profileId);
    }

    /**
     * The secrets that have more than {@code keep} snapshots. The check per secret stops after
     * {@code keep + 1} entries of idx_dashboard_snapshots_secret_collected, so it does not count them all.
     */
    List<String> secretsBeyond(Connection c, int keep) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.id FROM secrets s
                 WHERE s.profile_id = ?
                   AND (SELECT d.id FROM dashboard_snapshots d INDEXED BY idx_dashboard_snapshots_secret_collected
                         WHERE d.secret_id = s.id AND d.profile_id = s.profile_id
                         ORDER BY d.collected_at DESC LIMIT 1 OFFSET ?) IS NOT NULL
                 ORDER BY s.id""")) {
            ps.setString(1, profileId);
            ps.setInt(2, keep);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    /** How many of the secret's snapshots lie beyond its newest {@code keep}, and on how many UTC days. */
    Batch pending(Connection c, String secretId, int keep) throws SQLException {
        int excess = count(c, secretId) - keep;
        if (excess <= 0) {
            return new Batch(0, Set.of());
        }
        Set<LocalDate> days = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT collected_at FROM dashboard_snapshots INDEXED BY idx_dashboard_snapshots_secret_collected
                 WHERE secret_id = ? AND profile_id = ?
                 ORDER BY collected_at ASC, id DESC
                 LIMIT ?""")) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            ps.setInt(3, excess);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(LocalDate.ofInstant(Timestamps.parse(rs.getString(1)), java.time.ZoneOffset.UTC));
                }
            }
        }
        return new Batch(excess, days);
    }

    /** Folds at most {@code limit} of the secret's oldest snapshots beyond its newest {@code keep}; call inside one transaction. */
    Batch foldOldest(Connection c, String secretId, int keep, int limit) throws SQLException {
        int take = Math.min(limit, count(c, secretId) - keep);
        if (take <= 0) {
            return new Batch(0, Set.of());
        }
        List<SnapshotSample> samples = new ArrayList<>(take);
        Map<String, String> providerOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, collected_at, collection_status, health_status, usage_stats_json, provider_id
                  FROM dashboard_snapshots INDEXED BY idx_dashboard_snapshots_secret_collected
                 WHERE secret_id = ? AND profile_id = ?
                 ORDER BY collected_at ASC, id DESC
                 LIMIT ?""")) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            ps.setInt(3, take);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    samples.add(new SnapshotSample(rs.getString(1), secretId, Timestamps.parse(rs.getString(2)),
                            CollectionStatus.fromDbValue(rs.getString(3)), HealthStatus.fromDbValue(rs.getString(4)),
                            rs.getString(5)));
                    providerOf.put(rs.getString(1), rs.getString(6));
                }
            }
        }
        Map<LocalDate, List<SnapshotSample>> byDay = SnapshotRetention.byDay(samples);
        for (Map.Entry<LocalDate, List<SnapshotSample>> day : byDay.entrySet()) {
            List<SnapshotSample> ofDay = day.getValue();
            // The newest snapshot of the day names the provider, should the key have moved between providers.
            String providerId = providerOf.get(ofDay.get(ofDay.size() - 1).snapshotId());
            DailySummary folded = DailySummaryFold.fold(summaries.find(c, secretId, day.getKey()),
                    new SummaryKey(profileId, secretId, providerId, day.getKey()), ofDay);
            summaries.upsert(c, folded);
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dashboard_snapshots WHERE id = ? AND profile_id = ?")) {
            for (SnapshotSample sample : samples) {
                ps.setString(1, sample.snapshotId());
                ps.setString(2, profileId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new Batch(samples.size(), byDay.keySet());
    }

    /** Uses idx_dashboard_snapshots_secret_collected. */
    private int count(Connection c, String secretId) throws SQLException {
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
}
