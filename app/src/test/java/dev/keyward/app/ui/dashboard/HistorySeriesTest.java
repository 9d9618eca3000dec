package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.dashboard.service.KeyHistory;
import dev.keyward.automation.dashboard.SnapshotFigures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.summary.DailySummary;
import dev.keyward.automation.dashboard.summary.SummaryKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistorySeriesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private static DailySummary day(LocalDate date, Double avg, Double max, Double cost) {
        return new DailySummary(new SummaryKey("p", "s", "prov", date), avg, max, cost, cost == null ? null : "EUR",
                HealthStatus.VALID, 24, 0, avg == null ? 0 : 24, "{\"valid\":24}");
    }

    private static KeyHistory history() {
        List<DailySummary> days = new ArrayList<>();
        for (int back = 200; back >= 1; back--) {
            days.add(day(TODAY.minusDays(back), back * 0.1, back * 0.2, back % 2 == 0 ? (double) back : null));
        }
        return new KeyHistory(days, List.of(
                new SnapshotFigures(Instant.parse("2026-11-23T06:00:00Z"), 55.0, 12.5, "USD"),
                new SnapshotFigures(Instant.parse("2026-11-23T12:00:00Z"), null, 13.0, "USD")));
    }

    @Test
    void theRangeKeepsOnlyItsDaysTodayIncluded() {
        HistorySeries month = HistorySeries.of(history(), 30, TODAY);
        assertEquals(29, month.dailyAverage().size(), "days 1..29 back; day 30 back is outside a 30-day range");
        assertEquals(TODAY.minusDays(29), month.firstDay());
        assertEquals(TODAY.minusDays(29).toEpochDay(), month.dailyAverage().get(0).x(), 1e-9);
        assertEquals(89, HistorySeries.of(history(), 90, TODAY).dailyMaximum().size());
        assertEquals(200, HistorySeries.of(history(), 365, TODAY).dailyAverage().size());
    }

    @Test
    void daysWithoutAFigureAreLeftOutRatherThanPlottedAsZero() {
        HistorySeries month = HistorySeries.of(history(), 30, TODAY);
        assertEquals(14, month.dailyCost().size(), "only the even days back had a cost");
        assertTrue(month.dailyCost().stream().allMatch(p -> p.y() > 0));
        assertEquals(1, month.recentUsage().size(), "the snapshot without a usage percent has no usage point");
        assertEquals(2, month.recentCost().size());
    }

    @Test
    void snapshotsSitAtTheirTimeOfDayAndBringTheirCurrency() {
        HistorySeries month = HistorySeries.of(history(), 30, TODAY);
        assertEquals(TODAY.toEpochDay() + 0.25, month.recentUsage().get(0).x(), 1e-9);
        assertEquals(55.0, month.recentUsage().get(0).y(), 1e-9);
        assertEquals("USD", month.currency());
    }

    @Test
    void anEmptyHistoryHasNothingToPlot() {
        assertTrue(HistorySeries.of(KeyHistory.empty(), 30, TODAY).isEmpty());
    }
}
