package dev.keyward.automation.dashboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.KeyTarget;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.automation.dashboard.store.SnapshotRepository;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a collector or scraper hands over, no stored column holds a secret value of the session. */
class SnapshotRedactionTest {

    private static final String CANARY = "canary-value-7Hq2-not-a-known-format";

    @TempDir
    Path dir;

    @Test
    void everyTextColumnIsRedactedOnItsWayIntoTheVault() {
        SettableClock clock = SettableClock.at("2026-03-10T12:00:00Z");
        try (TestVault vault = TestVault.create(dir, clock)) {
            String id = vault.addSecret("canary", CANARY, "practice-cloud");
            String providerId = vault.session().providers().get("practice-cloud").id();
            CollectionResult leaky = new CollectionResult(CollectionMethod.SCRAPE, CollectionStatus.PARTIAL,
                    "{\"plan\":\"" + CANARY + "\"}", "{\"region\":\"" + CANARY + "\"}", "{\"note\":\"" + CANARY + "\"}",
                    HealthStatus.UNKNOWN, ServiceStatus.UNKNOWN, List.of("page said " + CANARY),
                    "failed near " + CANARY, FailureCause.SELECTOR_DRIFT);
            KeyTarget target = new KeyTarget(id, providerId, "practice-cloud", null, null, null);
            SnapshotRepository repository = new SnapshotRepository(vault.session().profileId(),
                    vault.session().redactor()::redact);

            vault.session().database().write(c -> repository.insert(c, new KeyRefreshResult(target, clock.instant(), leaky, 1)));

            Map<String, Object> row = vault.rows("SELECT * FROM dashboard_snapshots").get(0);
            assertFalse(vault.allText().contains(CANARY), "a secret value reached a column");
            assertTrue(((String) row.get("error_message_redacted")).contains("[REDACTED]"));
            assertEquals("{\"plan\":\"[REDACTED]\"}", row.get("usage_stats_json"), "JSON stays JSON");
        }
    }
}
