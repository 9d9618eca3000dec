package dev.keyward.automation.retention;

import dev.keyward.automation.dashboard.TextRedactor;
import dev.keyward.automation.dashboard.store.DailySummaryRepository;
import dev.keyward.automation.dashboard.store.FoldableSnapshot;
import dev.keyward.automation.dashboard.store.SnapshotRepository;
import dev.keyward.automation.dashboard.store.SnapshotRepository.FoldBoundary;
import dev.keyward.automation.dashboard.store.SnapshotRepository.FoldableRow;
import dev.keyward.automation.dashboard.summary.DailySummary;
import dev.keyward.automation.dashboard.summary.DailySummaryFold;
import dev.keyward.automation.dashboard.summary.SnapshotSample;
import dev.keyward.automation.dashboard.summary.SummaryKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the snapshots of each secret beyond its newest {@code keep} into daily summaries, oldest
 * first across all keys, a bounded batch per transaction: each batch's summaries are written in the same transaction that deletes its
 * snapshots, so an interrupted run loses nothing and the next run goes on where it stopped. The
 * oldest snapshots go first.
 *
 * <p>Rows are chosen from one time-ordered scan against a per-secret boundary and deleted by one
 * statement per batch in {@link SnapshotRepository}; the fold itself stays
 * in {@link DailySummaryFold}, the one definition of a summary (its exact sums and its tie rules have
 * no faithful SQL twin in SQLite's floating-point {@code sum}).
 */
final class SnapshotFolding {

    /** Counts of one folded batch: snapshots, the key-days ({@code secretId/day}) they were folded into, and the newest time it took. */
    record Batch(int snapshots, Set<String> keyDays, String lastCollectedAt) {
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

    /**
     * Each secret's boundary ({@link SnapshotRepository#keptBoundary}) for the secrets with an excess;
     * a secret mapped to null keeps nothing (a policy of 0), so every snapshot of it folds.
     */
    Map<String, FoldBoundary> boundaries(Connection c, Set<String> secretIds, int keep) throws SQLException {
        Map<String, FoldBoundary> out = new HashMap<>();
        for (String secretId : secretIds) {
            if (keep == 0) {
                out.put(secretId, null);
            } else {
                snapshots.keptBoundary(c, secretId, keep).ifPresent(b -> out.put(secretId, b));
            }
        }
        return out;
    }

    /** What folding the secret's {@code excess} oldest snapshots would touch, changing nothing. */
    Batch pending(Connection c, String secretId, int excess) throws SQLException {
        Set<String> keyDays = new HashSet<>();
        snapshots.daysOfOldest(c, secretId, excess).forEach(day -> keyDays.add(secretId + "/" + day));
        return new Batch(excess, keyDays, null);
    }

    /**
     * Folds up to {@code limit} of the oldest foldable snapshots collected at or after {@code from},
     * taken from one time-ordered scan of the profile (so consecutive batches touch consecutive
     * stretches of the table and its time index, instead of every page of that index each time), and
     * deletes them in one statement; call inside one transaction. Boundaries made before the run stay
     * true while it goes on: newer snapshots only push more rows beyond a secret's newest.
     */
    Batch foldOldest(Connection c, Map<String, FoldBoundary> boundaries, String from, int limit) throws SQLException {
        String last = boundaries.values().stream().map(b -> b == null ? "\uffff" : b.collectedAt())
                .max(String::compareTo).orElse("");
        List<FoldableRow> taken = new ArrayList<>();
        snapshots.scanFrom(c, from, row -> {
            if (row.collectedAt().compareTo(last) > 0) {
                return false;
            }
            String secretId = row.snapshot().sample().secretId();
            if (boundaries.containsKey(secretId)) {
                FoldBoundary boundary = boundaries.get(secretId);
                if (boundary == null || boundary.folds(row.collectedAt(), row.snapshot().sample().snapshotId())) {
                    taken.add(row);
                }
            }
            return taken.size() < limit;
        });
        Map<String, List<FoldableSnapshot>> bySecret = new LinkedHashMap<>();
        for (FoldableRow row : taken) {
            bySecret.computeIfAbsent(row.snapshot().sample().secretId(), k -> new ArrayList<>()).add(row.snapshot());
        }
        Set<String> keyDays = new HashSet<>();
        for (Map.Entry<String, List<FoldableSnapshot>> secret : bySecret.entrySet()) {
            for (Map.Entry<LocalDate, List<FoldableSnapshot>> day : byDay(secret.getValue()).entrySet()) {
                List<FoldableSnapshot> ofDay = day.getValue();
                DailySummary summary = DailySummaryFold.fold(summaries.find(c, secret.getKey(), day.getKey()),
                        new SummaryKey(profileId, secret.getKey(), newest(ofDay).providerId(), day.getKey()),
                        ofDay.stream().map(FoldableSnapshot::sample).toList());
                summaries.upsert(c, summary);
                keyDays.add(secret.getKey() + "/" + day.getKey());
            }
        }
        int deleted = taken.isEmpty() ? 0 : snapshots.deleteRows(c, taken.stream().mapToLong(FoldableRow::rowid).toArray());
        if (deleted != taken.size()) {
            // Cannot happen inside one transaction; rolling back keeps summaries and snapshots in step.
            throw new IllegalStateException("Retention read " + taken.size() + " snapshots but would delete " + deleted + ".");
        }
        return new Batch(deleted, keyDays, taken.isEmpty() ? from : taken.get(taken.size() - 1).collectedAt());
    }

    /**
     * The day's newest snapshot, which names the provider of the day's summary should the key have moved
     * between providers: the latest time, and among snapshots of that time the smallest id (the one the
     * key-at-a-time fold met last).
     */
    private static FoldableSnapshot newest(List<FoldableSnapshot> ofDay) {
        FoldableSnapshot newest = ofDay.get(0);
        for (FoldableSnapshot s : ofDay) {
            int byTime = s.sample().collectedAt().compareTo(newest.sample().collectedAt());
            if (byTime > 0 || byTime == 0 && s.sample().snapshotId().compareTo(newest.sample().snapshotId()) < 0) {
                newest = s;
            }
        }
        return newest;
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
