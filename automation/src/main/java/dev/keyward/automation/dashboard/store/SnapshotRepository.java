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
     */
    public record Cut(String collectedAt, String id) {

        /** Whether a snapshot comes after this boundary, compared as SQLite orders the text columns. */
        public boolean isBeyond(String snapshotCollectedAt, String snapshotId) {
            int byTime = snapshotCollectedAt.compareTo(collectedAt);
            return byTime < 0 || byTime == 0 && snapshotId.compareTo(id) > 0;
        }
    }

    /** A snapshot retention folds, with its rowid (the batch deletes by it). */
    public record ScannedSnapshot(long rowid, FoldableSnapshot snapshot) {
    }

    /**
     * One stretch of the table in rowid order.
     *
     * @param lastRowid the last rowid read (the next stretch starts after it)
     * @param read      rows read, of every key
     * @param beyond    the rows among them that lie beyond their key's {@link Cut}, in rowid order
     */
    public record Stretch(long lastRowid, int read, List<ScannedSnapshot> beyond) {
    }

    /**
     * Each secret's retention boundary, for the secrets with more than {@code keep} snapshots: one
     * count per key from its index entries, then the {@code keep}-th newest entry of each such key.
     */
    public Map<String, Cut> cutsBeyond(Connection c, int keep) throws SQLException {
        Map<String, Integer> excess = excessBeyond(c, keep);
        Map<String, Cut> cuts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT collected_at, id FROM %s
                 WHERE secret_id = ? AND profile_id = ?
                 ORDER BY collected_at DESC, id ASC
                 LIMIT 1 OFFSET ?""".formatted(BY_SECRET))) {
            for (String secretId : excess.keySet()) {
                ps.setString(1, secretId);
                ps.setString(2, profileId);
                ps.setInt(3, keep - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        cuts.put(secretId, new Cut(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        return cuts;
    }

    /**
     * Reads up to {@code limit} of the profile's snapshots after {@code afterRowid} in rowid order (the
     * order of the table's pages) and returns those beyond their key's cut. Read in this order, a batch
     * deletes from neighbouring pages of the table instead of from pages all over it.
     */
    public Stretch stretchAfter(Connection c, long afterRowid, int limit, Map<String, Cut> cuts) throws SQLException {
        // NOT INDEXED: the walk is by rowid; an index on profile_id would read the table in another order.
        try (PreparedStatement ps = c.prepareStatement(STRETCH_SQL)) {
            ps.setLong(1, afterRowid);
            ps.setString(2, profileId);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<ScannedSnapshot> beyond = new ArrayList<>();
                long last = afterRowid;
                int read = 0;
                while (rs.next()) {
                    read++;
                    last = rs.getLong(1);
                    String secretId = rs.getString(2);
                    Cut cut = cuts.get(secretId);
                    String id = rs.getString(3);
                    String collectedAt = rs.getString(4);
                    if (cut != null && cut.isBeyond(collectedAt, id)) {
                        beyond.add(new ScannedSnapshot(last, new FoldableSnapshot(new SnapshotSample(id, secretId,
                                Timestamps.parse(collectedAt), CollectionStatus.fromDbValue(rs.getString(5)),
                                HealthStatus.fromDbValue(rs.getString(6)), rs.getString(7)), rs.getString(8))));
                    }
                }
                return new Stretch(last, read, beyond);
            }
        }
    }

    /** The walk of {@link #stretchAfter}; its plan is a search of the table by rowid range. */
    static final String STRETCH_SQL = """
            SELECT rowid, secret_id, id, collected_at, collection_status, health_status, usage_stats_json, provider_id
              FROM dashboard_snapshots NOT INDEXED
             WHERE rowid > ? AND profile_id = ?
             ORDER BY rowid
             LIMIT ?""";

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
