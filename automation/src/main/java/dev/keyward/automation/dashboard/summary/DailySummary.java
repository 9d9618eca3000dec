package dev.keyward.automation.dashboard.summary;

import dev.keyward.automation.dashboard.HealthStatus;
import java.util.Objects;

/**
 * One {@code dashboard_daily_summaries} row (without its {@code id}), including the two columns that
 * make folding a day in several batches give the same row as folding it at once.
 *
 * @param key                    profile, secret, provider and {@code summary_date}
 * @param avgUsagePercent        {@code avg_usage_percent} over the snapshots that had a usage percent, or null
 * @param maxUsagePercent        {@code max_usage_percent}, or null
 * @param totalCost              {@code total_cost}: the highest cumulative billing-period cost reported that day, or null
 * @param costCurrency           {@code cost_currency} of that cost, or null
 * @param healthSummary          {@code health_summary}: the most common health status, ties to the more severe
 * @param collectionSuccessCount {@code collection_success_count}: snapshots with status success or partial
 * @param collectionFailureCount {@code collection_failure_count}: snapshots with status failed
 * @param usageSampleCount       {@code usage_sample_count}: snapshots that had a usage percent (the average's weight)
 * @param healthCountsJson       {@code health_counts_json}: snapshots per health status, e.g. {@code {"valid":20,"outage":3}}
 */
public record DailySummary(
        SummaryKey key,
        Double avgUsagePercent,
        Double maxUsagePercent,
        Double totalCost,
        String costCurrency,
        HealthStatus healthSummary,
        int collectionSuccessCount,
        int collectionFailureCount,
        int usageSampleCount,
        String healthCountsJson) {

    public DailySummary {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(healthSummary, "healthSummary");
        if (collectionSuccessCount < 0 || collectionFailureCount < 0 || usageSampleCount < 0) {
            throw new IllegalArgumentException("Summary counts cannot be negative.");
        }
    }
}
