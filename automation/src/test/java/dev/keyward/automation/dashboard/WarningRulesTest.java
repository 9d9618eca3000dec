package dev.keyward.automation.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private final WarningRules rules = new WarningRules(80.0, 90, 14);

    private static CollectionResult withUsage(String usageJson, ServiceStatus service) {
        return new CollectionResult(CollectionMethod.API, CollectionStatus.SUCCESS, usageJson, null, null,
                HealthStatus.VALID, service, List.of(), null, FailureCause.NONE);
    }

    private static KeyTarget key(Instant created, Instant expires) {
        return new KeyTarget("s", "p", "openai", null, created, expires);
    }

    private List<String> warnings(String usageJson, ServiceStatus service, Instant created, Instant expires) {
        return rules.warningsFor(key(created, expires), withUsage(usageJson, service), NOW);
    }

    @Test
    void usageAtOrAboveTheThresholdIsWarned() {
        assertEquals(List.of("Usage is at 80% of the limit, at or above the 80% warning level."),
                warnings("{\"usage_percent\":80.0}", ServiceStatus.OPERATIONAL, null, null));
        assertEquals(1, warnings("{\"requests\":905,\"limit\":1000}", ServiceStatus.OPERATIONAL, null, null).size());
    }

    @Test
    void usageBelowTheThresholdOrUnknownIsNotWarned() {
        assertTrue(warnings("{\"usage_percent\":79.9}", ServiceStatus.OPERATIONAL, null, null).isEmpty());
        assertTrue(warnings(null, ServiceStatus.OPERATIONAL, null, null).isEmpty());
        assertTrue(warnings("{\"requests\":5}", ServiceStatus.OPERATIONAL, null, null).isEmpty());
    }

    @Test
    void keyOlderThanTheConfiguredAgeIsWarned() {
        List<String> old = warnings(null, ServiceStatus.OPERATIONAL, NOW.minus(Duration.ofDays(91)), null);
        assertEquals(List.of("This key is 91 days old, older than the 90 days after which Keyward suggests rotating it."), old);
        assertTrue(warnings(null, ServiceStatus.OPERATIONAL, NOW.minus(Duration.ofDays(90)), null).isEmpty());
    }

    @Test
    void keyExpiringWithinTheNoticeIsWarned() {
        assertEquals(List.of("This key expires on 2026-11-15 (UTC), in 5 days; plan its rotation."),
                warnings(null, ServiceStatus.OPERATIONAL, null, NOW.plus(Duration.ofDays(5))));
        assertEquals(List.of("This key expires on 2026-11-10 (UTC), within a day; plan its rotation."),
                warnings(null, ServiceStatus.OPERATIONAL, null, NOW.plus(Duration.ofHours(3))));
        assertEquals(1, warnings(null, ServiceStatus.OPERATIONAL, null, NOW.plus(Duration.ofDays(14))).size());
        assertTrue(warnings(null, ServiceStatus.OPERATIONAL, null, NOW.plus(Duration.ofDays(15))).isEmpty());
    }

    @Test
    void anExpiryTheProviderReportedIsWarnedLikeTheVaultsOwn() {
        CollectionResult github = new CollectionResult(CollectionMethod.API, CollectionStatus.SUCCESS, null,
                "{\"scopes\":[\"repo\"],\"token_expires_at\":\"2026-11-15T00:00:00Z\"}", null, HealthStatus.VALID,
                ServiceStatus.OPERATIONAL, List.of(), null, FailureCause.NONE);
        assertEquals(List.of("This key expires on 2026-11-15 (UTC), in 4 days; plan its rotation."),
                rules.warningsFor(key(null, null), github, NOW));
        assertEquals(List.of("This key expires on 2026-11-12 (UTC), in 2 days; plan its rotation."),
                rules.warningsFor(key(null, NOW.plus(Duration.ofDays(2))), github, NOW), "the earlier date wins");
        CollectionResult unreadable = new CollectionResult(CollectionMethod.API, CollectionStatus.SUCCESS, null,
                "{\"token_expires_at\":\"soon\"}", null, HealthStatus.VALID, ServiceStatus.OPERATIONAL, List.of(), null,
                FailureCause.NONE);
        assertTrue(rules.warningsFor(key(null, null), unreadable, NOW).isEmpty());
    }

    @Test
    void expiredKeyIsWarned() {
        assertEquals(List.of("This key expired on 2026-11-09 (UTC); replace it."),
                warnings(null, ServiceStatus.OPERATIONAL, null, NOW.minus(Duration.ofDays(1))));
    }

    @Test
    void providerIncidentIsWarnedButAnUnknownStatusIsNot() {
        assertEquals(1, warnings(null, ServiceStatus.OUTAGE, null, null).size());
        assertEquals(1, warnings(null, ServiceStatus.DEGRADED, null, null).size());
        assertTrue(warnings(null, ServiceStatus.UNKNOWN, null, null).isEmpty());
        assertTrue(warnings(null, ServiceStatus.OPERATIONAL, null, null).isEmpty());
    }

    @Test
    void answerOrPageThatChangedShapeIsWarnedAsDrift() {
        CollectionResult drifted = new CollectionResult(CollectionMethod.SCRAPE, CollectionStatus.FAILED, null, null, null,
                HealthStatus.UNKNOWN, ServiceStatus.OPERATIONAL, List.of(), "selector missed", FailureCause.SELECTOR_DRIFT);
        CollectionResult malformed = new CollectionResult(CollectionMethod.API, CollectionStatus.PARTIAL, null, null, null,
                HealthStatus.VALID, ServiceStatus.OPERATIONAL, List.of(), "bad json", FailureCause.MALFORMED_RESPONSE);

        assertEquals(List.of("The provider's dashboard page no longer has the shape Keyward reads; "
                + "some figures are missing until Keyward is updated."), rules.warningsFor(key(null, null), drifted, NOW));
        assertTrue(rules.warningsFor(key(null, null), malformed, NOW).getFirst().contains("API answer"));
    }

    @Test
    void warningsComeInAFixedOrderAndAsAJsonArray() {
        CollectionResult result = withUsage("{\"usage_percent\":99}", ServiceStatus.OUTAGE)
                .withMoreWarnings(rules.warningsFor(key(NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(1))),
                        withUsage("{\"usage_percent\":99}", ServiceStatus.OUTAGE), NOW));
        assertEquals(4, result.warnings().size());
        assertTrue(result.warnings().get(0).startsWith("Usage"));
        assertTrue(result.warnings().get(3).contains("outage"));
        assertTrue(result.warningsJson().startsWith("[\"Usage is at 99%"));
    }

    @Test
    void noWarningsAreStoredAsNull() {
        assertEquals(null, withUsage(null, ServiceStatus.OPERATIONAL).warningsJson());
    }
}
