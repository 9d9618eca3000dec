package dev.keyward.automation.retention;

import dev.keyward.automation.dashboard.TextRedactor;
import dev.keyward.automation.dashboard.store.DailySummaryRepository;
import dev.keyward.automation.dashboard.store.FoldableSnapshot;
import dev.keyward.automation.dashboard.store.SnapshotRepository;
import dev.keyward.automation.dashboard.summary.DailySummary;
import dev.keyward.automation.dashboard.summary.DailySummaryFold;
import dev.keyward.automation.dashboard.summary.SnapshotSample;
import dev.keyward.automation.dashboard.summary.SummaryKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds the snapshots of each secret beyond its newest {@code keep} into daily summaries, walking the
 * table in rowid order one bounded stretch per transaction: each stretch's summaries are written in the
 * same transaction that deletes its snapshots, so an interrupted run loses nothing and the next run
 * goes on where it stopped.
 *
 * <p>The walk follows the table's pages, so a batch deletes rows that lie side by side and dirties each
 * page about once in the whole run; folding key by key deleted from pages all over the table, and each
 * batch rewrote most of them (docs/performance.md, Retention). Which rows go is decided by one keyset
 * boundary per key ({@link SnapshotRepository.Cut}); the fold itself stays in {@link DailySummaryFold},
 * the one definition of a summary (its exact sums and its tie rules have no faithful SQL twin in
 * SQLite's floating-point {@code sum}).
 */
final class SnapshotFolding {

    /** Counts of one folded batch: snapshots, and the key-days ({@code secretId/day}) they were folded into. */
    record Batch(int snapshots, Set<String> keyDays) {
    }

    /**
     * One folded stretch of the table.
     *
     * @param lastRowid where the next stretch starts
     * @param read      rows read (fewer than asked: the walk reached the end)
     * @param folded    snapshots folded and key-days touched
     */
    record Stretch(long lastRowid, int read, Batch folded) {
    }

    /** Orders one key-day's snapshots as the key-by-key fold read them: oldest first, ties newest id first. */
    private static final Comparator<FoldableSnapshot> OLDEST_FIRST = Comparator
            .comparing((FoldableSnapshot s) -> s.sample().collectedAt())
            .thenComparing(s -> s.sample().snapshotId(), Comparator.reverseOrder());

    private final String profileId;
    private final SnapshotRepository snapshots;
    private final DailySummaryRepository summaries;

    SnapshotFolding(String profileId, TextRedactor redactor) {
        this.profileId = profileId;
        this.snapshots = new SnapshotRepository(profileId, redactor);
        this.summaries = new DailySummaryRepository(profileId);
    }

    /** How many snapshots of each secret lie beyond its newest {@code keep}, for the secrets that have any. */
    Map<String, Integer> excess(Connection c, int keep) throws SQLException {
        return snapshots.excessBeyond(c, keep);
    }

    /** Each secret's boundary: its {@code keep}-th newest snapshot, for the secrets with more than {@code keep}. */
    Map<String, SnapshotRepository.Cut> cuts(Connection c, int keep) throws SQLException {
        return snapshots.cutsBeyond(c, keep);
    }

    /** What folding the secret's {@code excess} oldest snapshots would touch, changing nothing. */
    Batch pending(Connection c, String secretId, int excess) throws SQLException {
        Set<String> keyDays = new HashSet<>();
        snapshots.daysOfOldest(c, secretId, excess).forEach(day -> keyDays.add(secretId + "/" + day));
        return new Batch(excess, keyDays);
    }

    /**
     * Reads up to {@code limit} rows after {@code afterRowid}, folds those beyond their key's cut into
     * their days' summaries and deletes them; call inside one transaction. A cut stays right while the
     * run goes on: snapshots are only added after it (newer ones) or removed with their key.
     */
    Stretch foldAfter(Connection c, Map<String, SnapshotRepository.Cut> cuts, long afterRowid, int limit)
            throws SQLException {
        SnapshotRepository.Stretch stretch = snapshots.stretchAfter(c, afterRowid, limit, cuts);
        Map<String, Map<LocalDate, List<FoldableSnapshot>>> byKeyAndDay = new LinkedHashMap<>();
        long[] rowids = new long[stretch.beyond().size()];
        int i = 0;
        for (SnapshotRepository.ScannedSnapshot row : stretch.beyond()) {
            rowids[i++] = row.rowid();
            SnapshotSample sample = row.snapshot().sample();
            byKeyAndDay.computeIfAbsent(sample.secretId(), key -> new TreeMap<>())
                    .computeIfAbsent(DailySummaryFold.dayOf(sample), day -> new ArrayList<>())
                    .add(row.snapshot());
        }
        Set<String> keyDays = new HashSet<>();
        for (Map.Entry<String, Map<LocalDate, List<FoldableSnapshot>>> key : byKeyAndDay.entrySet()) {
            for (Map.Entry<LocalDate, List<FoldableSnapshot>> day : key.getValue().entrySet()) {
                List<FoldableSnapshot> ofDay = day.getValue();
                ofDay.sort(OLDEST_FIRST);
                // The newest snapshot of the day names the provider, should the key have moved between providers.
                String providerId = ofDay.get(ofDay.size() - 1).providerId();
                DailySummary summary = DailySummaryFold.fold(summaries.find(c, key.getKey(), day.getKey()),
                        new SummaryKey(profileId, key.getKey(), providerId, day.getKey()),
                        ofDay.stream().map(FoldableSnapshot::sample).toList());
                summaries.upsert(c, summary);
                keyDays.add(key.getKey() + "/" + day.getKey());
            }
        }
        int deleted = snapshots.deleteRowids(c, rowids);
        if (deleted != rowids.length) {
            // Cannot happen inside one transaction; rolling back keeps summaries and snapshots in step.
            throw new IllegalStateException("Retention read " + rowids.length + " snapshots but would delete "
                    + deleted + ".");
        }
        return new Stretch(stretch.lastRowid(), stretch.read(), new Batch(deleted, keyDays));
    }
}
