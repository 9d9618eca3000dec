package dev.keyward.automation.dashboard.refresh;

import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.ServiceStatus;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@code cached} result of a key Keyward can neither call nor scrape: a copy of the last
 * good snapshot marked {@code partial} (its data is not current), or a failure when there is none.
 */
final class CachedResults {

    private CachedResults() {
    }

    static CollectionResult from(Optional<StoredSnapshot> lastGood, String providerSlug) {
        if (lastGood.isEmpty()) {
            return CollectionResult.failed(CollectionMethod.CACHED, HealthStatus.UNKNOWN, FailureCause.NO_COLLECTOR,
                    "Keyward has no API collector or scraper for " + providerSlug
                            + " and no earlier snapshot of this key to show.");
        }
        StoredSnapshot snapshot = lastGood.get();
        CollectionResult old = snapshot.result();
        return new CollectionResult(
                CollectionMethod.CACHED,
                CollectionStatus.PARTIAL,
                old.usageStatsJson(),
                old.configAttributesJson(),
                old.restrictionsJson(),
                old.health(),
                ServiceStatus.UNKNOWN,
                List.of("Showing the snapshot collected at " + snapshot.collectedAt()
                        + "; Keyward cannot collect live data for " + providerSlug + "."),
                null,
                FailureCause.NONE);
    }
}
