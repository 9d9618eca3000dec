package dev.keyward.automation.dashboard.summary;

import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.UsageReading;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Folds a batch of one secret's snapshots of one UTC day into that day's summary row, so retention
 * can delete the snapshots. Every column is built from parts that combine the same way in any
 * grouping, so folding a day in several batches gives the row that folding it at once gives:
 *
 * <ul>
 *   <li>averages carry their weight in {@code usage_sample_count} and sums are taken exactly;</li>
 *   <li>health is kept as counts per status ({@code health_counts_json}); {@code health_summary} is the
 *       most common of them, a tie going to the more severe;</li>
 *   <li>{@code total_cost} is the highest cumulative cost seen that day. Providers report the
 *       billing period's cost so far, so summing snapshots would count the same spend many times;
 *       the highest figure is the spend to date as of the day, and a maximum, unlike "the last
 *       figure", does not depend on the order or grouping of batches. On the day a billing period
 *       rolls over it is the old period's final figure. Ties between currencies go to the
 *       alphabetically last code, which only matters if a provider changes currency mid-day;</li>
 *   <li>a snapshot counts as a collection success when its status is {@code success} or
 *       {@code partial} (it did yield data), and as a failure when it is {@code failed}.</li>
 * </ul>
 */
public final class DailySummaryFold {

    // Enough digits that the only rounding is the final conversion to double.
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

    private static final Comparator<CostFigure> COST_ORDER = Comparator
            .comparingDouble(CostFigure::amount)
            .thenComparing(CostFigure::currency, Comparator.nullsFirst(Comparator.naturalOrder()));

    private record CostFigure(double amount, String currency) {
    }

    private DailySummaryFold() {
    }

    /**
     * The summary of {@code key} after folding {@code batch} into {@code existing}.
     *
     * @param existing the stored row for that secret and day, if there is one
     * @param batch    snapshots of {@code key.secretId()} collected on {@code key.day()} (UTC)
     * @throws IllegalArgumentException when a snapshot belongs to another secret or day, or there is
     *                                  neither an existing row nor a snapshot
     */
    public static DailySummary fold(Optional<DailySummary> existing, SummaryKey key, List<SnapshotSample> batch) {
        Objects.requireNonNull(key, "key");
        existing.ifPresent(row -> {
            if (!row.key().secretId().equals(key.secretId()) || !row.key().day().equals(key.day())) {
                throw new IllegalArgumentException("The existing summary is for another secret or day.");
            }
        });
        if (existing.isEmpty() && batch.isEmpty()) {
            throw new IllegalArgumentException("A daily summary needs at least one snapshot.");
        }

        int usageSamples = existing.map(DailySummary::usageSampleCount).orElse(0);
        BigDecimal usageSum = existing.map(DailySummaryFold::storedUsageSum).orElse(BigDecimal.ZERO);
        if (existing.isPresent() && existing.get().avgUsagePercent() != null && usageSamples == 0) {
            // A row from before usage_sample_count existed: its average weighs as one sample.
            usageSamples = 1;
        }
        Double max = existing.map(DailySummary::maxUsagePercent).orElse(null);
        CostFigure cost = existing.filter(row -> row.totalCost() != null)
                .map(row -> new CostFigure(row.totalCost(), row.costCurrency())).orElse(null);
        int successes = existing.map(DailySummary::collectionSuccessCount).orElse(0);
        int failures = existing.map(DailySummary::collectionFailureCount).orElse(0);
        HealthCounts health = existing.map(DailySummaryFold::storedHealth).orElseGet(HealthCounts::new);

        for (SnapshotSample sample : batch) {
            checkBelongs(sample, key);
            UsageReading usage = UsageReading.of(sample.usageStatsJson());
            if (usage.usagePercent().isPresent()) {
                double percent = usage.usagePercent().getAsDouble();
                usageSamples++;
                usageSum = usageSum.add(new BigDecimal(percent));
                max = max == null ? percent : Math.max(max, percent);
            }
            if (usage.cost().isPresent()) {
                CostFigure figure = new CostFigure(usage.cost().getAsDouble(), usage.currency().orElse(null));
                cost = cost == null || COST_ORDER.compare(figure, cost) > 0 ? figure : cost;
            }
            if (sample.status() == CollectionStatus.FAILED) {
                failures++;
            } else {
                successes++;
            }
            health.add(sample.health(), 1);
        }

        Double average = usageSamples == 0 ? null
                : usageSum.divide(BigDecimal.valueOf(usageSamples), EXACT_ENOUGH).doubleValue();
        return new DailySummary(key, average, max,
                cost == null ? null : cost.amount(), cost == null ? null : cost.currency(),
                health.mostCommon(), successes, failures, usageSamples, health.toJson());
    }

    /** The UTC day a snapshot belongs to. */
    public static LocalDate dayOf(SnapshotSample sample) {
        return LocalDate.ofInstant(sample.collectedAt(), ZoneOffset.UTC);
    }

    private static void checkBelongs(SnapshotSample sample, SummaryKey key) {
        if (!sample.secretId().equals(key.secretId())) {
            throw new IllegalArgumentException("Snapshot " + sample.snapshotId() + " belongs to another secret.");
        }
        if (!dayOf(sample).equals(key.day())) {
            throw new IllegalArgumentException("Snapshot " + sample.snapshotId() + " was collected on "
                    + dayOf(sample) + " (UTC), not on " + key.day() + ".");
        }
    }

    private static BigDecimal storedUsageSum(DailySummary row) {
        if (row.avgUsagePercent() == null) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(row.avgUsagePercent()).multiply(BigDecimal.valueOf(Math.max(1, row.usageSampleCount())));
    }

    private static HealthCounts storedHealth(DailySummary row) {
        if (row.healthCountsJson() != null) {
            return HealthCounts.parse(row.healthCountsJson());
        }
        // A row from before health_counts_json existed: its summary stands for all its snapshots.
        HealthCounts counts = new HealthCounts();
        counts.add(row.healthSummary(), Math.max(1, row.collectionSuccessCount() + row.collectionFailureCount()));
        return counts;
    }
}
