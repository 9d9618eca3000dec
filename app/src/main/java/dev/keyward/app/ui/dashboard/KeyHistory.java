package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.dashboard.summary.DailySummary;
import java.time.Instant;
import java.util.List;

/**
 * One key's history for its charts: the daily summaries that retention folded older snapshots
 * into, and the recent snapshots themselves.
 *
 * @param days      {@code dashboard_daily_summaries} rows, oldest day first
 * @param snapshots recent {@code dashboard_snapshots}, oldest first
 */
record KeyHistory(List<DailySummary> days, List<Snapshot> snapshots) {

    /** The figures of one stored snapshot the charts plot. */
    record Snapshot(Instant collectedAt, Double usagePercent, Double cost, String currency) {
    }

    KeyHistory {
        days = List.copyOf(days);
        snapshots = List.copyOf(snapshots);
    }

    static KeyHistory empty() {
        return new KeyHistory(List.of(), List.of());
    }
}
