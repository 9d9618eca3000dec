package dev.keyward.automation.retention;

import dev.keyward.automation.dashboard.TextRedactor;
import dev.keyward.automation.dashboard.store.DailySummaryRepository;
import dev.keyward.automation.dashboard.store.FoldableSnapshot;
import dev.keyward.automation.dashboard.store.SnapshotRepository;
import dev.keyward.automation.dashboard.summary.DailySummary;
import dev.keyward.automation.dashboard.summary.DailySummaryFold;
import dev.keyward.automation.dashboard.summary.SummaryKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds the snapshots of each secret beyond its newest {@code keep} into daily summaries, one bounded
 * tile of keys and rows per transaction: each tile's summaries are written in the same transaction
 * that deletes its snapshots, so an interrupted run loses nothing and the next run goes on where it
 * stopped.
 *
 * <p>Why tiles: a deleted snapshot leaves the table and three indexes, and each commit writes every
 * page its transaction changed (encrypted) to the log, and later again at the checkpoint. The table and
 * two indexes lie in one order (time, or key by key), the per-secret index and the summaries in another
 * (key, then time), so no walk of single rows is in both. Walking the table in rowid order (the code
 * before) touched one page per deleted row of whichever structure crossed the walk, batch after batch.
 * A tile takes up to {@code perKey} of the oldest rows of each of up to {@code keysAtOnce} keys that lie
 * next to each other in the table ({@link SnapshotRepository.Cut#rowid()} order): the per-secret index
 * and the summaries see a run of {@code perKey} rows per key, and the table and the time-ordered indexes
 * a run of {@code keysAtOnce} neighbouring keys per collection time (docs/performance.md, Retention).
 * The fold itself stays in {@link DailySummaryFold}, the one definition of a summary (its exact sums and
 * its tie rules have no faithful SQL twin in SQLite's floating-point {@code sum}).
 */
final class SnapshotFolding {

    /** Counts of one folded batch: snapshots, and the key-days ({@code secretId/day}) they were folded into. */
    record Batch(int snapshots, Set<String> keyDays) {
    }

    /**
     * One folded tile.
     *
     * @param folded   snapshots folded and key-days touched
     * @param finished keys that have nothing more beyond their cut (the walk drops them)
     */
    record Tile(Batch folded, List<String> finished) {
    }

    /**
     * The keys still to fold with their cuts, in the table order of their cuts, and the tile's shape.
     * A tile of {@code rows} is about square ({@code keysAtOnce} keys x {@code perKey} rows): the pages it
     * dirties grow with the number of keys in the table's order and with the number of rows in the
     * per-secret order, so a square tile dirties the fewest for its size.
     */
    static final class Walk {

        private final List<Map.Entry<String, SnapshotRepository.Cut>> pending;
        private final int rows;
        private final int keysAtOnce;
        private final int perKey;

        Walk(Map<String, SnapshotRepository.Cut> cuts, int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("A retention tile needs at least one row.");
            }
            this.pending = new ArrayList<>(cuts.entrySet());
            pending.sort(Comparator.comparingLong(key -> key.getValue().rowid()));
            this.rows = rows;
            this.keysAtOnce = (int) Math.ceil(Math.sqrt(rows));
            this.perKey = (int) ((rows + (long) keysAtOnce - 1) / keysAtOnce);
        }

        boolean done() {
            return pending.isEmpty();
        }

        /** Drops the keys a committed tile finished. */
        void finished(List<String> keys) {
            Set<String> gone = new HashSet<>(keys);
            pending.removeIf(key -> gone.contains(key.getKey()));
        }
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
     * Folds the next tile of {@code walk}, oldest rows of each key first, and deletes its snapshots; call
     * inside one transaction, then {@link Walk#finished} with the result once it committed. Keys are taken
     * from the front of the walk until the tile holds {@code rows} snapshots or {@code keysAtOnce} keys
     * that have more left, so a run over many keys with a few snapshots each still fills its transactions.
     * A cut stays right while the run goes on: snapshots are only added after it (newer ones) or removed
     * with their key.
     */
    Tile foldNext(Connection c, Walk walk) throws SQLException {
        List<String> finished = new ArrayList<>();
        Set<String> keyDays = new HashSet<>();
        long[] rowids = new long[Math.min(walk.rows, 4_096)];
        int taken = 0;
        int unfinished = 0;
        // With fewer keys left than a tile holds, each gives more rows, so the transaction is still full.
        int perKey = Math.max(walk.perKey, Math.ceilDiv(walk.rows, Math.max(1, Math.min(walk.keysAtOnce, walk.pending.size()))));
        try (SnapshotRepository.OldestBeyond reader = snapshots.oldestBeyond(c);
             DailySummaryRepository.Folding days = summaries.folding(c)) {
            for (Map.Entry<String, SnapshotRepository.Cut> key : walk.pending) {
                if (taken == walk.rows || unfinished == walk.keysAtOnce) {
                    break;
                }
                int ask = Math.min(perKey, walk.rows - taken);
                List<SnapshotRepository.ScannedSnapshot> rows = reader.next(key.getKey(), key.getValue(), ask);
                if (rows.size() < ask) {
                    finished.add(key.getKey());
                } else {
                    unfinished++;
                }
                if (taken + rows.size() > rowids.length) {
                    rowids = Arrays.copyOf(rowids, Math.max(rowids.length * 2, taken + rows.size()));
                }
                for (SnapshotRepository.ScannedSnapshot row : rows) {
                    rowids[taken++] = row.rowid();
                }
                foldKey(days, key.getKey(), rows, keyDays);
            }
        }
        long[] sorted = Arrays.copyOf(rowids, taken);
        Arrays.sort(sorted);
        int deleted = snapshots.deleteRowids(c, sorted);
        if (deleted != taken) {
            // Cannot happen inside one transaction; rolling back keeps summaries and snapshots in step.
            throw new IllegalStateException("Retention read " + taken + " snapshots but would delete " + deleted + ".");
        }
        return new Tile(new Batch(deleted, keyDays), finished);
    }

    /** Folds one key's rows of this tile into their days' summaries, merging with what is stored. */
    private void foldKey(DailySummaryRepository.Folding days, String secretId,
                         List<SnapshotRepository.ScannedSnapshot> rows, Set<String> keyDays) throws SQLException {
        Map<LocalDate, List<FoldableSnapshot>> byDay = new TreeMap<>();
        for (SnapshotRepository.ScannedSnapshot row : rows) {
            byDay.computeIfAbsent(DailySummaryFold.dayOf(row.snapshot().sample()), day -> new ArrayList<>())
                    .add(row.snapshot());
        }
        for (Map.Entry<LocalDate, List<FoldableSnapshot>> day : byDay.entrySet()) {
            List<FoldableSnapshot> ofDay = day.getValue();
            ofDay.sort(OLDEST_FIRST);
            // The newest snapshot of the day names the provider, should the key have moved between providers.
            String providerId = ofDay.get(ofDay.size() - 1).providerId();
            DailySummary summary = DailySummaryFold.fold(days.find(secretId, day.getKey()),
                    new SummaryKey(profileId, secretId, providerId, day.getKey()),
                    ofDay.stream().map(FoldableSnapshot::sample).toList());
            days.upsert(summary);
            keyDays.add(secretId + "/" + day.getKey());
        }
    }
}
