package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.dashboard.service.KeyHistory;
import dev.keyward.automation.dashboard.SnapshotFigures;
import dev.keyward.automation.dashboard.summary.DailySummary;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * The points of one key's charts for a range of days. The x value is the UTC day as an epoch day
 * (summaries are UTC days); a snapshot sits at its fraction of the day.
 *
 * @param dailyAverage  average usage percent per day
 * @param dailyMaximum  highest usage percent per day
 * @param recentUsage   usage percent of each recent snapshot
 * @param dailyCost     cost per day (the period's cumulative cost that day)
 * @param recentCost    cost of each recent snapshot
 * @param currency      the currency of the costs, or null when none was reported
 * @param firstDay      the range's first day (x axis lower bound)
 * @param lastDay       today (x axis upper bound)
 */
record HistorySeries(List<Point> dailyAverage, List<Point> dailyMaximum, List<Point> recentUsage,
                     List<Point> dailyCost, List<Point> recentCost, String currency, LocalDate firstDay, LocalDate lastDay) {

    /** One plotted value. */
    record Point(double x, double y) {
    }

    private static final double SECONDS_PER_DAY = 86_400.0;

    /** The points of the last {@code days} days up to {@code today} (UTC), today included. */
    static HistorySeries of(KeyHistory history, int days, LocalDate today) {
        LocalDate first = today.minusDays(days - 1L);
        List<DailySummary> inRange = history.days().stream()
                .filter(d -> !d.key().day().isBefore(first) && !d.key().day().isAfter(today))
                .toList();
        List<SnapshotFigures> recent = history.snapshots().stream()
                .filter(s -> !LocalDate.ofInstant(s.collectedAt(), ZoneOffset.UTC).isBefore(first))
                .toList();
        String currency = recent.stream().map(SnapshotFigures::currency).filter(c -> c != null).reduce((a, b) -> b)
                .orElse(inRange.stream().map(DailySummary::costCurrency).filter(c -> c != null).reduce((a, b) -> b)
                        .orElse(null));
        return new HistorySeries(
                daily(inRange, DailySummary::avgUsagePercent),
                daily(inRange, DailySummary::maxUsagePercent),
                snapshots(recent, SnapshotFigures::usagePercent),
                daily(inRange, DailySummary::totalCost),
                snapshots(recent, SnapshotFigures::cost),
                currency, first, today);
    }

    /** True when there is nothing to plot in the range. */
    boolean isEmpty() {
        return dailyAverage.isEmpty() && dailyMaximum.isEmpty() && recentUsage.isEmpty()
                && dailyCost.isEmpty() && recentCost.isEmpty();
    }

    private static List<Point> daily(List<DailySummary> rows, Function<DailySummary, Double> value) {
        return rows.stream()
                .filter(d -> value.apply(d) != null)
                .map(d -> new Point(d.key().day().toEpochDay(), value.apply(d)))
                .toList();
    }

    private static List<Point> snapshots(List<SnapshotFigures> rows, Function<SnapshotFigures, Double> value) {
        return rows.stream()
                .filter(s -> value.apply(s) != null)
                .map(s -> new Point(s.collectedAt().getEpochSecond() / SECONDS_PER_DAY, value.apply(s)))
                .toList();
    }
}
