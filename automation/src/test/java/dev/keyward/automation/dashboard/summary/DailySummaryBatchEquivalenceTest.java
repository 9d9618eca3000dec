package dev.keyward.automation.dashboard.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: folding a day's snapshots in any batches, in any order, gives the row folding them at once gives. */
class DailySummaryBatchEquivalenceTest {

    private static final SummaryKey KEY = new SummaryKey("profile", "secret", "provider", LocalDate.parse("2026-11-10"));
    private static final Instant DAY_START = Instant.parse("2026-11-10T00:00:00Z");
    private static final String[] CURRENCIES = {"USD", "EUR", "usd"};

    @Test
    void foldingInRandomBatchesEqualsFoldingAtOnce() {
        Random random = new Random(20261110L);
        for (int run = 0; run < 1000; run++) {
            List<SnapshotSample> day = randomDay(random, 1 + random.nextInt(48));

            DailySummary atOnce = DailySummaryFold.fold(Optional.empty(), KEY, day);
            DailySummary inBatches = foldInRandomBatches(random, day);

            assertSameSummary(atOnce, inBatches, "run " + run);
        }
    }

    @Test
    void foldingOneSnapshotAtATimeEqualsFoldingAtOnce() {
        Random random = new Random(7L);
        for (int run = 0; run < 200; run++) {
            List<SnapshotSample> day = randomDay(random, 24);
            Optional<DailySummary> running = Optional.empty();
            for (SnapshotSample sample : day) {
                running = Optional.of(DailySummaryFold.fold(running, KEY, List.of(sample)));
            }
            assertSameSummary(DailySummaryFold.fold(Optional.empty(), KEY, day), running.orElseThrow(), "run " + run);
        }
    }

    @Test
    void anEmptyBatchLeavesTheRowAsItWas() {
        DailySummary row = DailySummaryFold.fold(Optional.empty(), KEY, randomDay(new Random(3L), 10));
        assertEquals(row, DailySummaryFold.fold(Optional.of(row), KEY, List.of()));
    }

    private static DailySummary foldInRandomBatches(Random random, List<SnapshotSample> day) {
        List<SnapshotSample> shuffled = new ArrayList<>(day);
        Collections.shuffle(shuffled, random);
        Optional<DailySummary> running = Optional.empty();
        int index = 0;
        while (index < shuffled.size()) {
            int size = 1 + random.nextInt(shuffled.size() - index);
            running = Optional.of(DailySummaryFold.fold(running, KEY, shuffled.subList(index, index + size)));
            index += size;
        }
        return running.orElseThrow();
    }

    private static List<SnapshotSample> randomDay(Random random, int count) {
        List<SnapshotSample> day = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = DAY_START.plus(Duration.ofSeconds(random.nextInt(86_400)));
            CollectionStatus status = CollectionStatus.values()[random.nextInt(3)];
            HealthStatus health = HealthStatus.values()[random.nextInt(HealthStatus.values().length)];
            day.add(new SnapshotSample("snap-" + i, "secret", at, status, health, randomUsage(random)));
        }
        return day;
    }

    private static String randomUsage(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> "{\"usage_percent\":" + random.nextDouble() * 120 + "}";
            case 2 -> "{\"requests\":" + random.nextInt(5000) + ",\"limit\":" + (1 + random.nextInt(5000)) + "}";
            case 3 -> "{\"usage_percent\":" + random.nextInt(101) + ",\"cost\":" + random.nextInt(20) / 4.0
                    + ",\"currency\":\"" + CURRENCIES[random.nextInt(CURRENCIES.length)] + "\"}";
            case 4 -> "{\"cost\":" + random.nextDouble() * 50 + "}";
            case 5 -> "{\"usage_percent\": not json";
            default -> "{\"usage_percent\":" + random.nextDouble() * 100 + ",\"cost\":" + random.nextInt(5)
                    + ",\"currency\":\"USD\"}";
        };
    }

    private static void assertSameSummary(DailySummary expected, DailySummary actual, String context) {
        if (expected.avgUsagePercent() == null) {
            assertNull(actual.avgUsagePercent(), context);
        } else {
            assertEquals(expected.avgUsagePercent(), actual.avgUsagePercent(), 1e-9, context);
        }
        assertEquals(expected.maxUsagePercent(), actual.maxUsagePercent(), context);
        assertEquals(expected.totalCost(), actual.totalCost(), context);
        assertEquals(expected.costCurrency(), actual.costCurrency(), context);
        assertEquals(expected.healthSummary(), actual.healthSummary(), context);
        assertEquals(expected.collectionSuccessCount(), actual.collectionSuccessCount(), context);
        assertEquals(expected.collectionFailureCount(), actual.collectionFailureCount(), context);
        assertEquals(expected.usageSampleCount(), actual.usageSampleCount(), context);
        assertEquals(expected.healthCountsJson(), actual.healthCountsJson(), context);
        assertEquals(expected.key(), actual.key(), context);
    }
}
