package dev.keyward.automation.dashboard.refresh;

import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.KeyTarget;
import java.time.Instant;
import java.util.Objects;

/**
 * The refreshed snapshot of one key, ready to be stored as a {@code dashboard_snapshots} row.
 *
 * @param target      the key
 * @param collectedAt when the collection finished ({@code collected_at})
 * @param result      the snapshot fields, with warnings added and error and warnings redacted
 * @param attempts    how many collection attempts were made (0 for a cached result)
 */
public record KeyRefreshResult(KeyTarget target, Instant collectedAt, CollectionResult result, int attempts) {

    public KeyRefreshResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(result, "result");
    }
}
