package dev.keyward.automation.dashboard.summary;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Picks the snapshots retention folds away (all but a secret's newest 24, seed 002 section 5.3) and
 * groups them by the UTC day whose summary they join.
 */
public final class SnapshotRetention {

    /** Seed 002: keep the last 24 snapshots per secret. */
    public static final int SNAPSHOTS_KEPT_PER_SECRET = 24;

    private static final Comparator<SnapshotSample> NEWEST_FIRST = Comparator
            .comparing(SnapshotSample::collectedAt).reversed()
            .thenComparing(SnapshotSample::snapshotId);

    private SnapshotRetention() {
    }

    /** The snapshots of one secret beyond its {@code keep} newest (ties in time broken by id), oldest last. */
    public static List<SnapshotSample> beyondNewest(List<SnapshotSample> ofOneSecret, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("The number of snapshots to keep cannot be negative.");
        }
        long secrets = ofOneSecret.stream().map(SnapshotSample::secretId).distinct().count();
        if (secrets > 1) {
            throw new IllegalArgumentException("Snapshots are kept per secret; pass one secret's snapshots at a time.");
        }
        return ofOneSecret.stream().sorted(NEWEST_FIRST).skip(keep).toList();
    }

    /** {@code samples} grouped by UTC day, days in ascending order. */
    public static Map<LocalDate, List<SnapshotSample>> byDay(List<SnapshotSample> samples) {
        return samples.stream().collect(Collectors.groupingBy(DailySummaryFold::dayOf, TreeMap::new, Collectors.toList()));
    }
}
