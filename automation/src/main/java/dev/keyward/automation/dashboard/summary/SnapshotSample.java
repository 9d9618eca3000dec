package dev.keyward.automation.dashboard.summary;

import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.HealthStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The columns of a stored {@code dashboard_snapshots} row that retention needs to fold it into a
 * daily summary.
 *
 * @param snapshotId     {@code id}
 * @param secretId       {@code secret_id}
 * @param collectedAt    {@code collected_at}
 * @param status         {@code collection_status}
 * @param health         {@code health_status}
 * @param usageStatsJson {@code usage_stats_json}, or null
 */
public record SnapshotSample(
        String snapshotId,
        String secretId,
        Instant collectedAt,
        CollectionStatus status,
        HealthStatus health,
        String usageStatsJson) {

    public SnapshotSample {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(health, "health");
    }
}
