package dev.keyward.automation.dashboard;

import java.time.Instant;

/**
 * The figures of one stored snapshot that a key's history charts plot.
 *
 * @param collectedAt  {@code collected_at}
 * @param usagePercent usage percent read from {@code usage_stats_json}, or null
 * @param cost         the billing period's cost so far, or null
 * @param currency     that cost's currency, or null
 */
public record SnapshotFigures(Instant collectedAt, Double usagePercent, Double cost, String currency) {
}
