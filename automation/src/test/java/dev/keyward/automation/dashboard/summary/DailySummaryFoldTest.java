package dev.keyward.automation.dashboard.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.HealthStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DailySummaryFoldTest {

    private static final SummaryKey KEY = new SummaryKey("profile", "secret", "provider", LocalDate.parse("2026-11-10"));
    private int nextId;

    private SnapshotSample sample(String time, CollectionStatus status, HealthStatus health, String usage) {
        return new SnapshotSample("snap-" + nextId++, "secret", Instant.parse("2026-11-10T" + time + "Z"), status, health, usage);
    }

    @Test
    void aDayOfSnapshotsFoldsIntoAverageMaximumCostHealthAndCounts() {
        List<SnapshotSample> day = List.of(
                sample("01:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID,
                        "{\"usage_percent\":20,\"cost\":3.0,\"currency\":\"USD\"}"),
                sample("02:00:00", CollectionStatus.PARTIAL, HealthStatus.VALID,
                        "{\"usage_percent\":40,\"cost\":5.5,\"currency\":\"USD\"}"),
                sample("03:00:00", CollectionStatus.FAILED, HealthStatus.OUTAGE, null),
                sample("04:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, "{\"requests\":30,\"limit\":50}"));

        DailySummary summary = DailySummaryFold.fold(Optional.empty(), KEY, day);

        assertEquals(40.0, summary.avgUsagePercent(), 1e-12);
        assertEquals(60.0, summary.maxUsagePercent());
        assertEquals(5.5, summary.totalCost());
        assertEquals("USD", summary.costCurrency());
        assertEquals(HealthStatus.VALID, summary.healthSummary());
        assertEquals(3, summary.collectionSuccessCount());
        assertEquals(1, summary.collectionFailureCount());
        assertEquals(3, summary.usageSampleCount());
        assertEquals("{\"outage\":1,\"valid\":3}", summary.healthCountsJson());
    }

    @Test
    void totalCostIsTheHighestCumulativeFigureNotTheSum() {
        List<SnapshotSample> day = List.of(
                sample("09:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, "{\"cost\":7.25,\"currency\":\"EUR\"}"),
                sample("01:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, "{\"cost\":6.00,\"currency\":\"EUR\"}"),
                sample("05:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, "{\"cost\":6.50,\"currency\":\"EUR\"}"));

        DailySummary summary = DailySummaryFold.fold(Optional.empty(), KEY, day);

        assertEquals(7.25, summary.totalCost());
        assertEquals("EUR", summary.costCurrency());
        assertNull(summary.avgUsagePercent());
        assertNull(summary.maxUsagePercent());
        assertEquals(0, summary.usageSampleCount());
    }

    @Test
    void equallyCommonStatusesResolveToTheMoreSevere() {
        DailySummary invalidVersusValid = DailySummaryFold.fold(Optional.empty(), KEY, List.of(
                sample("01:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, null),
                sample("02:00:00", CollectionStatus.FAILED, HealthStatus.INVALID, null),
                sample("03:00:00", CollectionStatus.FAILED, HealthStatus.INVALID, null),
                sample("04:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, null)));
        DailySummary degradedVersusUnknown = DailySummaryFold.fold(Optional.empty(), KEY, List.of(
                sample("01:00:00", CollectionStatus.FAILED, HealthStatus.UNKNOWN, null),
                sample("02:00:00", CollectionStatus.FAILED, HealthStatus.DEGRADED, null)));
        DailySummary outageVersusDegraded = DailySummaryFold.fold(Optional.empty(), KEY, List.of(
                sample("01:00:00", CollectionStatus.FAILED, HealthStatus.DEGRADED, null),
                sample("02:00:00", CollectionStatus.FAILED, HealthStatus.OUTAGE, null)));

        assertEquals(HealthStatus.INVALID, invalidVersusValid.healthSummary());
        assertEquals(HealthStatus.DEGRADED, degradedVersusUnknown.healthSummary());
        assertEquals(HealthStatus.OUTAGE, outageVersusDegraded.healthSummary());
    }

    @Test
    void theMostCommonStatusWinsOverAMoreSevereRareOne() {
        DailySummary summary = DailySummaryFold.fold(Optional.empty(), KEY, List.of(
                sample("01:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, null),
                sample("02:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, null),
                sample("03:00:00", CollectionStatus.FAILED, HealthStatus.INVALID, null)));

        assertEquals(HealthStatus.VALID, summary.healthSummary());
    }

    @Test
    void foldingIntoAnExistingRowAddsToIt() {
        DailySummary first = DailySummaryFold.fold(Optional.empty(), KEY, List.of(
                sample("01:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, "{\"usage_percent\":10}")));

        DailySummary second = DailySummaryFold.fold(Optional.of(first), KEY, List.of(
                sample("02:00:00", CollectionStatus.FAILED, HealthStatus.INVALID, "{\"usage_percent\":30}")));

        assertEquals(20.0, second.avgUsagePercent(), 1e-12);
        assertEquals(2, second.usageSampleCount());
        assertEquals(1, second.collectionSuccessCount());
        assertEquals(1, second.collectionFailureCount());
        assertEquals(HealthStatus.INVALID, second.healthSummary());
    }

    @Test
    void aRowWrittenBeforeTheHelperColumnsExistedStillFolds() {
        DailySummary legacy = new DailySummary(KEY, 50.0, 70.0, null, null, HealthStatus.DEGRADED, 3, 0, 0, null);

        DailySummary folded = DailySummaryFold.fold(Optional.of(legacy), KEY, List.of(
                sample("05:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, "{\"usage_percent\":10}")));

        assertEquals(30.0, folded.avgUsagePercent(), 1e-12);
        assertEquals(70.0, folded.maxUsagePercent());
        assertEquals(HealthStatus.DEGRADED, folded.healthSummary());
        assertEquals("{\"degraded\":3,\"valid\":1}", folded.healthCountsJson());
    }

    @Test
    void snapshotsOfAnotherDayOrSecretAreRefused() {
        SnapshotSample nextDay = new SnapshotSample("x", "secret", Instant.parse("2026-11-11T00:00:00Z"),
                CollectionStatus.SUCCESS, HealthStatus.VALID, null);
        SnapshotSample otherSecret = new SnapshotSample("y", "other", Instant.parse("2026-11-10T10:00:00Z"),
                CollectionStatus.SUCCESS, HealthStatus.VALID, null);

        assertThrows(IllegalArgumentException.class, () -> DailySummaryFold.fold(Optional.empty(), KEY, List.of(nextDay)));
        assertThrows(IllegalArgumentException.class, () -> DailySummaryFold.fold(Optional.empty(), KEY, List.of(otherSecret)));
        assertThrows(IllegalArgumentException.class, () -> DailySummaryFold.fold(Optional.empty(), KEY, List.of()));
    }

    @Test
    void retentionFoldsAllButTheNewestSnapshotsGroupedByDay() {
        List<SnapshotSample> samples = List.of(
                sample("01:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, null),
                new SnapshotSample("old", "secret", Instant.parse("2026-11-09T23:00:00Z"), CollectionStatus.SUCCESS,
                        HealthStatus.VALID, null),
                sample("03:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, null),
                sample("02:00:00", CollectionStatus.SUCCESS, HealthStatus.VALID, null));

        List<SnapshotSample> toFold = SnapshotRetention.beyondNewest(samples, 2);

        assertEquals(List.of("snap-0", "old"), toFold.stream().map(SnapshotSample::snapshotId).toList());
        assertEquals(List.of(LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-10")),
                List.copyOf(SnapshotRetention.byDay(toFold).keySet()));
    }
}
