package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.SnapshotFigures;
import dev.keyward.automation.dashboard.summary.DailySummary;
import java.util.List;

/**
 * One key's history for its charts: the daily summaries that retention folded older snapshots
 * into, and the recent snapshots themselves.
 *
 * @param days      {@code dashboard_daily_summaries} rows, oldest day first
 * @param snapshots recent {@code dashboard_snapshots}, oldest first
 */
public record KeyHistory(List<DailySummary> days, List<SnapshotFigures> snapshots) {

    public KeyHistory {
        days = List.copyOf(days);
        snapshots = List.copyOf(snapshots);
    }

    public static KeyHistory empty() {
        return new KeyHistory(List.of(), List.of());
    }
}
