package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.automation.dashboard.SnapshotFigures;
import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.TextRedactor;
import dev.keyward.automation.dashboard.UsageReading;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.automation.dashboard.refresh.StoredSnapshot;
import dev.keyward.automation.dashboard.summary.SnapshotSample;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one owner of {@code dashboard_snapshots}' SQL: one row per collection, written as soon as a
 * key is refreshed, read by the overview, a key's history and the cached fallback, and folded away
 * by retention. Every text a user could read passes the redactor on its way in.
 *
 * <p>Per-key reads name idx_dashboard_snapshots_secret_collected with {@code INDEXED BY}: without
 * statistics SQLite prefers idx_dashboard_snapshots_profile_collected, whose time order looks
 * attractive, and then reads every snapshot of the profile once per key (minutes instead of
 * milliseconds for 1,000 keys). Counts scope a key's snapshots to the profile through the secret
 * they belong to, so they are answered from that index alone.
 */
public final class SnapshotRepository {

    private static final String BY_SECRET = bySecret("");

    /** The overview: every key that has a provider with its latest snapshot (a lookup by rowid); the benchmark prints its plan. */
    public static final String OVERVIEW_SQL = """
            SELECT s.id, s.name, p.slug, p.name, d.collected_at, d.collection_method, d.collection_status,
                   d.health_status, d.service_status, d.usage_stats_json, d.warnings_json, d.error_message_redacted
              FROM secrets s
              JOIN providers p ON p.id = s.provider_id
              LEFT JOIN dashboard_snapshots d ON d.rowid = (
                       SELECT x.rowid FROM %s
                        WHERE x.secret_id = s.id AND x.profile_id = s.profile_id
                        ORDER BY x.collected_at DESC
                        LIMIT 1)
             WHERE s.profile_id = ? AND p.profile_id = s.profile_id
             ORDER BY s.name""".formatted(bySecret("x"));

    /** Each secret's snapshot count beyond {@code keep}: a count over the secret's entries of the index, no row read. */
    static final String EXCESS_SQL = """
            SELECT id, excess FROM (
                SELECT s.id, (SELECT count(*) FROM %s WHERE d.secret_id = s.id) - ? AS excess
                  FROM secrets s
                 WHERE s.profile_id = ?)
             WHERE excess > 0
             ORDER BY id""".formatted(bySecret("d"));

    /** A key's oldest snapshots first; ties in time go newest id first, the reverse of the order retention keeps them in. */
    private static final String OLDEST_FIRST = """

             WHERE secret_id = ? AND profile_id = ?
             ORDER BY collected_at ASC, id DESC
             LIMIT ?""";

    private final String profileId;
    private final TextRedactor redactor;

    public SnapshotRepository(String profileId, TextRedactor redactor) {
        this.profileId = profileId;
        this.redactor = redactor;
    }

    /** Inserts the snapshot of one refreshed key and returns its id. */
    public String insert(Connection c, KeyRefreshResult refreshed) throws SQLException {
        CollectionResult r = refreshed.result();
        // Time-ordered, so the primary-key index is written, and emptied by retention, in the table's order.
        String id = TimeOrderedIds.at(refreshed.collectedAt());
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
                  FROM %s
                 WHERE secret_id = ? AND profile_id = ?
                   AND collection_method IN ('api', 'scrape') AND collection_status IN ('success', 'partial')
                 ORDER BY collected_at DESC, id
                 LIMIT 1""".formatted(BY_SECRET))) {
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

    /** One card per key that has a provider, in name order; credential secrets are left out. */
    public List<DashboardCard> overview(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OVERVIEW_SQL)) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                List<DashboardCard> cards = new ArrayList<>();
                while (rs.next()) {
                    DashboardCard card = DashboardCards.of(rs);
                    if (card != null) {
                        cards.add(card);
                    }
                }
                return cards;
            }
        }
    }

    /** The secret's snapshots collected at or after {@code since}, oldest first, as the figures its charts plot. */
    public List<SnapshotFigures> figuresSince(Connection c, String secretId, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT collected_at, usage_stats_json FROM %s
                 WHERE secret_id = ? AND profile_id = ? AND collected_at >= ?
                 ORDER BY collected_at""".formatted(BY_SECRET))) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            ps.setString(3, Timestamps.format(since));
            try (ResultSet rs = ps.executeQuery()) {
                List<SnapshotFigures> out = new ArrayList<>();
                while (rs.next()) {
                    UsageReading usage = UsageReading.of(rs.getString(2));
                    out.add(new SnapshotFigures(Timestamps.parse(rs.getString(1)),
                            usage.usagePercent().isPresent() ? usage.usagePercent().getAsDouble() : null,
                            usage.cost().isPresent() ? usage.cost().getAsDouble() : null,
                            usage.currency().orElse(null)));
                }
                return out;
            }
        }
    }

    /**
     * How many snapshots of each of the profile's secrets lie beyond its newest {@code keep}, for the
     * secrets that have any, in secret id order. Answered from the index alone.
     */
    public Map<String, Integer> excessBeyond(Connection c, int keep) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EXCESS_SQL)) {
            ps.setInt(1, keep);
            ps.setString(2, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Integer> excess = new LinkedHashMap<>();
                while (rs.next()) {
                    excess.put(rs.getString(1), rs.getInt(2));
                }
                return excess;
            }
        }
    }

    /**
     * A key's retention boundary: its {@code keep}-th newest snapshot in newest-first order (ties in time
     * broken by id). Every snapshot after it in that order lies beyond the newest {@code keep} and is folded.
     *
     * @param collectedAt the boundary snapshot's stored {@code collected_at}
     * @param id          its id
     * @param rowid       its rowid: where the key's recent rows lie in the table (retention takes keys in this order)
     */
    public record Cut(String collectedAt, String id, long rowid) {
    }

    /** A snapshot retention folds, with its rowid (the batch deletes by it). */
    public record ScannedSnapshot(long rowid, FoldableSnapshot snapshot) {
    }

    /**
     * Each secret's retention boundary, for the secrets with more than {@code keep} snapshots: one
     * count per key from its index entries, then the {@code keep}-th newest entry of each such key.
     */
    public Map<String, Cut> cutsBeyond(Connection c, int keep) throws SQLException {
        Map<String, Integer> excess = excessBeyond(c, keep);
        Map<String, Cut> cuts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT collected_at, id, rowid FROM %s
                 WHERE secret_id = ? AND profile_id = ?
                 ORDER BY collected_at DESC, id ASC
                 LIMIT 1 OFFSET ?""".formatted(BY_SECRET))) {
            for (String secretId : excess.keySet()) {
                ps.setString(1, secretId);
                ps.setString(2, profileId);
                ps.setInt(3, keep - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        cuts.put(secretId, new Cut(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
            }
        }
        return cuts;
    }

    /**
     * A key's oldest snapshots beyond its {@link Cut}, oldest first (ties in time newest id first, the
     * order the key-by-key fold read them in), from the per-secret index: a key's rows there lie side by
     * side, so a transaction that takes a run of them from a few dozen keys dirties a few pages of that
     * index per key instead of one page per row.
     */
    static final String OLDEST_BEYOND_SQL = """
            SELECT rowid, id, collected_at, collection_status, health_status, usage_stats_json, provider_id
              FROM %s
             WHERE secret_id = ? AND collected_at <= ? AND (collected_at < ? OR id > ?) AND profile_id = ?
             ORDER BY collected_at ASC, id DESC
             LIMIT ?""".formatted(BY_SECRET);

    /** Opens the reader of {@link OldestBeyond} on {@code c}, prepared once for a whole transaction. */
    public OldestBeyond oldestBeyond(Connection c) throws SQLException {
        return new OldestBeyond(c.prepareStatement(OLDEST_BEYOND_SQL));
    }

    /** Reads keys' oldest snapshots beyond their cut with one prepared statement; close it with its transaction. */
    public final class OldestBeyond implements AutoCloseable {

        private final PreparedStatement ps;

        private OldestBeyond(PreparedStatement ps) {
            this.ps = ps;
        }

        /** Up to {@code limit} of the secret's oldest snapshots that lie beyond {@code cut}, oldest first. */
        public List<ScannedSnapshot> next(String secretId, Cut cut, int limit) throws SQLException {
            ps.setString(1, secretId);
            ps.setString(2, cut.collectedAt());
            ps.setString(3, cut.collectedAt());
            ps.setString(4, cut.id());
            ps.setString(5, profileId);
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<ScannedSnapshot> rows = new ArrayList<>(Math.min(limit, 256));
                while (rs.next()) {
                    rows.add(new ScannedSnapshot(rs.getLong(1), new FoldableSnapshot(new SnapshotSample(rs.getString(2),
                            secretId, Timestamps.parse(rs.getString(3)), CollectionStatus.fromDbValue(rs.getString(4)),
                            HealthStatus.fromDbValue(rs.getString(5)), rs.getString(6)), rs.getString(7))));
                }
                return rows;
            }
        }

        @Override
        public void close() throws SQLException {
            ps.close();
        }
    }

    /** Deletes the snapshots with these rowids (ascending) in one statement; returns how many went. */
    public int deleteRowids(Connection c, long[] rowids) throws SQLException {
        if (rowids.length == 0) {
            return 0;
        }
        StringBuilder json = new StringBuilder(rowids.length * 8).append('[');
        for (int i = 0; i < rowids.length; i++) {
            json.append(i == 0 ? "" : ",").append(rowids[i]);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM dashboard_snapshots WHERE rowid IN (SELECT value FROM json_each(?))")) {
            ps.setString(1, json.append(']').toString());
            return ps.executeUpdate();
        }
    }

    /** The UTC days of the secret's {@code limit} oldest snapshots (what a dry run of retention reports). */
    public Set<LocalDate> daysOfOldest(Connection c, String secretId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT collected_at FROM %s".formatted(BY_SECRET) + OLDEST_FIRST)) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                Set<LocalDate> days = new HashSet<>();
                while (rs.next()) {
                    days.add(LocalDate.ofInstant(Timestamps.parse(rs.getString(1)), ZoneOffset.UTC));
                }
                return days;
            }
        }
    }

    /** The table, aliased when {@code alias} is not empty, read through the per-secret index. */
    private static String bySecret(String alias) {
        return "dashboard_snapshots " + alias + (alias.isEmpty() ? "" : " ")
                + "INDEXED BY idx_dashboard_snapshots_secret_collected";
    }

    private String clean(String text) {
        return text == null ? null : redactor.redact(text);
    }
}
