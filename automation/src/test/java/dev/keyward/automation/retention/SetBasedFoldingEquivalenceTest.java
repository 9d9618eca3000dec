package dev.keyward.automation.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.store.DailySummaryRepository;
import dev.keyward.automation.dashboard.summary.DailySummary;
import dev.keyward.automation.dashboard.summary.DailySummaryFold;
import dev.keyward.automation.dashboard.summary.SnapshotRetention;
import dev.keyward.automation.dashboard.summary.SnapshotSample;
import dev.keyward.automation.dashboard.summary.SummaryKey;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fold that takes tiles of keys and rows gives the same summaries (every figure to the last bit but
 * a day's average, see {@link #average}) and leaves exactly the snapshots that the earlier
 * one-key-at-a-time fold (kept below as the reference) did, on random data written key by key or round
 * by round (the table in key or in time order), with ties in time, every status and health, two
 * currencies, two providers, and a second run over days already folded.
 */
class SetBasedFoldingEquivalenceTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} keys x {1} snapshots, seed {2}, batch {3}, rows in time order {4}")
    @CsvSource({"7, 90, 1, 10000, false", "5, 140, 2, 13, false", "9, 60, 3, 1, false", "3, 400, 4, 250, false",
            "40, 60, 5, 500, true", "6, 100, 6, 7, true", "11, 80, 7, 1, true"})
    void summariesAndSurvivorsMatchTheOneKeyAtATimeFold(int keys, int perKey, long seed, int batch, boolean timeOrder) {
        SettableClock clock = new SettableClock(NOW);
        try (TestVault reference = TestVault.create(dir.resolve("reference"), clock);
             TestVault candidate = TestVault.create(dir.resolve("candidate"), clock)) {
            List<String> refIds = fill(reference.session(), keys, perKey, seed, NOW.minus(Duration.ofDays(3)), timeOrder);
            List<String> newIds = fill(candidate.session(), keys, perKey, seed, NOW.minus(Duration.ofDays(3)), timeOrder);
            // A first pass, then more snapshots on days already summarised, then a second pass.
            foldLikeBefore(reference.session(), refIds, 24);
            new RetentionJob(candidate.session(), clock, batch).run();
            GeneratedSnapshots.snapshots(reference.session(), refIds, perKey / 2, NOW, Duration.ofMinutes(41), seed + 100,
                    timeOrder);
            GeneratedSnapshots.snapshots(candidate.session(), newIds, perKey / 2, NOW, Duration.ofMinutes(41), seed + 100,
                    timeOrder);
            foldLikeBefore(reference.session(), refIds, 24);
            new RetentionJob(candidate.session(), clock, batch).run();

            Map<String, List<String>> refRows = state(reference.session(), refIds);
            Map<String, List<String>> newRows = state(candidate.session(), newIds);
            assertFalse(refRows.isEmpty());
            assertEquals(refRows, newRows);
        }
    }

    private static List<String> fill(VaultSession session, int keys, int perKey, long seed, Instant end,
                                     boolean timeOrder) {
        List<String> ids = GeneratedSnapshots.keys(session, "eq", keys, "practice-cloud");
        GeneratedSnapshots.snapshots(session, ids, perKey, end, Duration.ofMinutes(23), seed, timeOrder);
        // Keys that moved between providers: a day's summary names the provider of its newest snapshot,
        // which depends on the order the fold reads a day's rows in, ties in time included.
        String other = session.providers().get("openai").id();
        session.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE dashboard_snapshots SET provider_id = ? WHERE rowid % 3 = 0")) {
                ps.setString(1, other);
                ps.executeUpdate();
            }
            // Backlogs of different sizes (all, 70 %, 40 % and 10 % of the rows), some at or below the 24 kept.
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM dashboard_snapshots WHERE secret_id = ? AND (rowid * 7 + ?) % 10 < ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setString(1, ids.get(i));
                    ps.setInt(2, i);
                    ps.setInt(3, i % 4 * 3);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return ids;
    }

    /** Every summary row (all columns but its id; the provider by slug, as ids differ between vaults) and every surviving snapshot id, per key by position. */
    private static Map<String, List<String>> state(VaultSession session, List<String> ids) {
        Map<String, List<String>> out = new TreeMap<>();
        Map<String, String> slugs = new HashMap<>();
        session.providers().list().forEach(p -> slugs.put(p.id(), p.slug()));
        session.database().read(c -> {
            DailySummaryRepository summaries = new DailySummaryRepository(session.profileId());
            for (int i = 0; i < ids.size(); i++) {
                List<String> rows = new ArrayList<>();
                for (DailySummary s : summaries.forSecret(c, ids.get(i))) {
                    rows.add(s.key().day() + " avg=" + average(s.avgUsagePercent()) + " max=" + bits(s.maxUsagePercent())
                            + " cost=" + bits(s.totalCost()) + " " + s.costCurrency() + " " + s.healthSummary()
                            + " ok=" + s.collectionSuccessCount() + " failed=" + s.collectionFailureCount()
                            + " n=" + s.usageSampleCount() + " " + s.healthCountsJson() + " " + slugs.get(s.key().providerId()));
                }
                out.put("key " + i + " summaries", rows);
                out.put("key " + i + " snapshots", ids(c, ids.get(i)));
            }
            return null;
        });
        return out;
    }

    /**
     * The average to 12 significant digits: a day folded in batches cut elsewhere re-derives its sum
     * from the stored average, which may move its last bits (RetentionJobTest allows the same).
     */
    private static String average(Double value) {
        return value == null ? "null" : String.format(java.util.Locale.ROOT, "%.12e", value);
    }

    private static String bits(Double value) {
        return value == null ? "null" : Long.toHexString(Double.doubleToRawLongBits(value));
    }

    private static List<String> ids(Connection c, String secretId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM dashboard_snapshots WHERE secret_id = ? ORDER BY id")) {
            ps.setString(1, secretId);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /** The fold as it was before the set-based rewrite: one key at a time, 2,000 rows per transaction. */
    private static void foldLikeBefore(VaultSession session, List<String> ids, int keep) {
        DailySummaryRepository summaries = new DailySummaryRepository(session.profileId());
        for (String secretId : ids) {
            int folded;
            do {
                folded = session.database().write(c -> {
                    int take = Math.min(2_000, count(c, secretId) - keep);
                    if (take <= 0) {
                        return 0;
                    }
                    List<SnapshotSample> samples = new ArrayList<>();
                    Map<String, String> providerOf = new HashMap<>();
                    try (PreparedStatement ps = c.prepareStatement("""
                            SELECT id, collected_at, collection_status, health_status, usage_stats_json, provider_id
                              FROM dashboard_snapshots WHERE secret_id = ?
                             ORDER BY collected_at ASC, id DESC LIMIT ?""")) {
                        ps.setString(1, secretId);
                        ps.setInt(2, take);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                samples.add(new SnapshotSample(rs.getString(1), secretId, Timestamps.parse(rs.getString(2)),
                                        CollectionStatus.fromDbValue(rs.getString(3)),
                                        HealthStatus.fromDbValue(rs.getString(4)), rs.getString(5)));
                                providerOf.put(rs.getString(1), rs.getString(6));
                            }
                        }
                    }
                    for (Map.Entry<LocalDate, List<SnapshotSample>> day : SnapshotRetention.byDay(samples).entrySet()) {
                        List<SnapshotSample> ofDay = day.getValue();
                        String providerId = providerOf.get(ofDay.get(ofDay.size() - 1).snapshotId());
                        summaries.upsert(c, DailySummaryFold.fold(summaries.find(c, secretId, day.getKey()),
                                new SummaryKey(session.profileId(), secretId, providerId, day.getKey()), ofDay));
                    }
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM dashboard_snapshots WHERE id = ?")) {
                        for (SnapshotSample sample : samples) {
                            ps.setString(1, sample.snapshotId());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return samples.size();
                });
            } while (folded == 2_000);
        }
    }

    private static int count(Connection c, String secretId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM dashboard_snapshots WHERE secret_id = ?")) {
            ps.setString(1, secretId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
