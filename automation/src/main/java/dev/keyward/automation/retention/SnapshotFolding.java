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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the snapshots of each secret beyond its newest {@code keep} into daily summaries, many keys
 * per transaction: each batch's summaries are written in the same transaction that deletes its
 * snapshots, so an interrupted run loses nothing and the next run goes on where it stopped. The
 * oldest snapshots go first.
 *
 * <p>Rows are chosen and deleted by set-based SQL in {@link SnapshotRepository}; the fold itself stays
 * in {@link DailySummaryFold}, the one definition of a summary (its exact sums and its tie rules have
 * no faithful SQL twin in SQLite's floating-point {@code sum}).
 */
final class SnapshotFolding {

    /** Counts of one folded batch: snapshots, and the key-days ({@code secretId/day}) they were folded into. */
    record Batch(int snapshots, Set<String> keyDays) {
    }

    /** The part of one key's excess that a batch folds. */
    record Share(String secretId, int snapshots) {
    }

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

    /** Splits the keys' excess into batches of at most {@code batchSize} snapshots; a larger excess spans several. */
    static List<List<Share>> plan(Map<String, Integer> excess, int batchSize) {
        List<List<Share>> batches = new ArrayList<>();
        List<Share> current = new ArrayList<>();
        int room = batchSize;
        for (Map.Entry<String, Integer> key : excess.entrySet()) {
            int left = key.getValue();
            while (left > 0) {
                int take = Math.min(left, room);
                current.add(new Share(key.getKey(), take));
                left -= take;
                room -= take;
                if (room == 0) {
                    batches.add(current);
                    current = new ArrayList<>();
                    room = batchSize;
                }
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** What folding the secret's {@code excess} oldest snapshots would touch, changing nothing. */
    Batch pending(Connection c, String secretId, int excess) throws SQLException {
        Set<String> keyDays = new HashSet<>();
        snapshots.daysOfOldest(c, secretId, excess).forEach(day -> keyDays.add(secretId + "/" + day));
        return new Batch(excess, keyDays);
    }

    /**
     * Folds each share's oldest snapshots, cut to what still lies beyond the key's newest {@code keep}
     * (a key may have lost snapshots since the plan was made); call inside one transaction.
     */
    Batch fold(Connection c, List<Share> shares, int keep) throws SQLException {
        int folded = 0;
        Set<String> keyDays = new HashSet<>();
        for (Share share : shares) {
            int take = Math.min(share.snapshots(), snapshots.countFor(c, share.secretId()) - keep);
            if (take <= 0) {
                continue;
            }
            List<FoldableSnapshot> rows = snapshots.oldest(c, share.secretId(), take);
            for (Map.Entry<LocalDate, List<FoldableSnapshot>> day : byDay(rows).entrySet()) {
                List<FoldableSnapshot> ofDay = day.getValue();
                // The newest snapshot of the day names the provider, should the key have moved between providers.
                String providerId = ofDay.get(ofDay.size() - 1).providerId();
                DailySummary summary = DailySummaryFold.fold(summaries.find(c, share.secretId(), day.getKey()),
                        new SummaryKey(profileId, share.secretId(), providerId, day.getKey()),
                        ofDay.stream().map(FoldableSnapshot::sample).toList());
                summaries.upsert(c, summary);
                keyDays.add(share.secretId() + "/" + day.getKey());
            }
            int deleted = snapshots.deleteOldest(c, share.secretId(), take);
            if (deleted != rows.size()) {
                // Cannot happen inside one transaction; rolling back keeps summaries and snapshots in step.
                throw new IllegalStateException("Retention read " + rows.size() + " snapshots of a key but would delete "
                        + deleted + ".");
            }
            folded += deleted;
        }
        return new Batch(folded, keyDays);
    }

    /** Oldest-first rows grouped by UTC day, days in ascending order, each day's rows in their order. */
    private static Map<LocalDate, List<FoldableSnapshot>> byDay(List<FoldableSnapshot> rows) {
        Map<LocalDate, List<FoldableSnapshot>> days = new LinkedHashMap<>();
        for (FoldableSnapshot row : rows) {
            SnapshotSample sample = row.sample();
            days.computeIfAbsent(DailySummaryFold.dayOf(sample), day -> new ArrayList<>()).add(row);
        }
        return days;
    }
}
