package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.summary.SnapshotSample;

/**
 * A snapshot retention folds away, with the provider it was collected for (the day's newest one
 * names the provider of the day's summary).
 */
public record FoldableSnapshot(SnapshotSample sample, String providerId) {
}
