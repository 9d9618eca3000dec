package dev.keyward.automation.dashboard.refresh;

import dev.keyward.automation.dashboard.CollectionResult;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot as it was stored: when it was collected and what it held.
 *
 * @param collectedAt {@code collected_at}
 * @param result      the stored fields
 */
public record StoredSnapshot(Instant collectedAt, CollectionResult result) {

    public StoredSnapshot {
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(result, "result");
    }
}
