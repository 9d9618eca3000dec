package dev.keyward.automation.dashboard.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.FakeProvider;
import dev.keyward.automation.dashboard.FakeProvider.Reply;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.KeyTarget;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.TestClock;
import dev.keyward.automation.dashboard.TextRedactor;
import dev.keyward.automation.dashboard.WarningRules;
import dev.keyward.automation.dashboard.collect.CollectorCatalog;
import dev.keyward.automation.dashboard.collect.GenericValidityCollector;
import dev.keyward.automation.dashboard.collect.ProviderHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardRefresherTest {

    private static final String MODELS = "{\"data\":[{\"id\":\"m\"}]}";

    private final TestClock clock = new TestClock("2026-11-10T12:00:00Z");
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final RefreshTiming timing = new RefreshTiming(clock, pauses::add, () -> 0.5);
    private final List<char[]> handedOutKeys = new CopyOnWriteArrayList<>();
    private final SecretValueReader secrets = secretId -> {
        char[] key = ("key-for-" + secretId).toCharArray();
        handedOutKeys.add(key);
        return key;
    };
    private final RefreshSettings settings = RefreshSettings.defaults()
            .withRequestTimeout(Duration.ofSeconds(10))
            .withRateLimits(new RateLimit(1000, Duration.ofMillis(1)), Map.of());

    private FakeProvider provider;
    private CollectorCatalog catalog;

    @BeforeEach
    void startProvider() throws Exception {
        provider = new FakeProvider();
        ProviderHttp http = ProviderHttp.withDefaultClient();
        catalog = CollectorCatalog.standard(http).with("generic", GenericValidityCollector.bearer(http, "/check"), null);
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private KeyTarget target(String secretId, String slug) {
        return new KeyTarget(secretId, "prov-" + slug, slug, provider.baseUrl(), null, null);
    }

    private DashboardRefresher refresher(RefreshSeams seams, RefreshSettings refreshSettings) {
        return new DashboardRefresher(catalog, seams, refreshSettings, WarningRules.defaults(), timing);
    }

    private DashboardRefresher refresher(RefreshSeams seams) {
        return refresher(seams, settings);
    }

    private RefreshSeams apiOnly() {
        return RefreshSeams.apiOnly(secrets, TextRedactor.none());
    }

    private List<Duration> backoffPauses() {
        return pauses.stream().filter(Duration::isPositive).toList();
    }

    @Test
    void serverErrorsAreRetriedUpToTheAttemptLimitWithGrowingBackoff() throws Exception {
        provider.route("/check", Reply.json(500, "down"));

        KeyRefreshResult result = refresher(apiOnly()).refresh(List.of(target("s1", "generic"))).getFirst();

        assertEquals(3, provider.hits("/check"));
        assertEquals(3, result.attempts());
        assertEquals(FailureCause.SERVER_ERROR, result.result().cause());
        assertEquals(CollectionStatus.FAILED, result.result().status());
        // Jitter 0.5 puts each wait at 3/4 of its ceiling: 1 s, then 2 s.
        assertEquals(List.of(Duration.ofMillis(750), Duration.ofMillis(1500)), backoffPauses());
    }

    @Test
    void attemptLimitIsConfigurable() throws Exception {
        provider.route("/check", Reply.json(503, "down"));

        refresher(apiOnly(), settings.withMaxAttempts(1)).refresh(List.of(target("s1", "generic")));

        assertEquals(1, provider.hits("/check"));
        assertTrue(backoffPauses().isEmpty());
    }

    @Test
    void aTransientRateLimitIsRetriedUntilItSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        provider.route("/check", seen -> calls.incrementAndGet() == 1 ? Reply.json(429, "slow down") : Reply.json(200, "{}"));

        KeyRefreshResult result = refresher(apiOnly()).refresh(List.of(target("s1", "generic"))).getFirst();

        assertEquals(2, provider.hits("/check"));
        assertEquals(2, result.attempts());
        assertEquals(CollectionStatus.SUCCESS, result.result().status());
        assertEquals(HealthStatus.VALID, result.result().health());
    }

    @Test
    void timeoutsAreRetried() throws Exception {
        provider.route("/check", Reply.json(200, "{}").after(Duration.ofSeconds(30)));

        KeyRefreshResult result = refresher(apiOnly(), settings.withMaxAttempts(2).withRequestTimeout(Duration.ofMillis(250)))
                .refresh(List.of(target("s1", "generic"))).getFirst();

        assertEquals(2, provider.hits("/check"));
        assertEquals(FailureCause.TIMEOUT, result.result().cause());
    }

    @Test
    void aRejectedKeyIsNotRetried() throws Exception {
        provider.route("/check", Reply.json(401, "no"));

        KeyRefreshResult result = refresher(apiOnly()).refresh(List.of(target("s1", "generic"))).getFirst();

        assertEquals(1, provider.hits("/check"));
        assertEquals(HealthStatus.INVALID, result.result().health());
    }

    @Test
    void noMoreRequestsAreInFlightThanTheConcurrencyAllows() throws Exception {
        // Each request waits for two more to join it (or for the last requests to arrive), so a
        // missing bound would pile up all twelve.
        provider.route("/check", seen -> {
            provider.awaitUntil(() -> provider.inFlight() >= 3 || provider.hits("/check") == 12, Duration.ofSeconds(5));
            return Reply.json(200, "{}");
        });
        List<KeyTarget> targets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            targets.add(target("s" + i, "generic"));
        }

        List<KeyRefreshResult> results = refresher(apiOnly(), settings.withConcurrency(3)).refresh(targets);

        assertEquals(12, provider.hits("/check"));
        assertEquals(3, provider.maxInFlight());
        assertTrue(results.stream().allMatch(r -> r.result().status() == CollectionStatus.SUCCESS));
    }

    @Test
    void requestsToOneProviderWaitForItsTokenBucketWhileOtherProvidersDoNot() throws Exception {
        provider.route("/check", Reply.json(200, "{}")).route("/v1/models", Reply.json(200, MODELS));
        RefreshSettings limited = settings.withRateLimits(new RateLimit(1000, Duration.ofMillis(1)),
                Map.of("generic", new RateLimit(1, Duration.ofSeconds(10))));

        refresher(apiOnly(), limited).refresh(List.of(
                target("a1", "generic"), target("a2", "generic"), target("a3", "generic"), target("b1", "openai")));

        // The clock stands still, so the three generic keys queue at 0, 10 and 20 s; openai waits for nothing.
        List<Duration> sorted = pauses.stream().sorted().toList();
        assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20)), sorted);
    }

    @Test
    void resultsComeBackInTargetOrderAndTheListenerHearsEachKey() throws Exception {
        provider.route("/check", Reply.json(200, "{}"));
        List<String> heard = new CopyOnWriteArrayList<>();
        List<KeyTarget> targets = List.of(target("x", "generic"), target("y", "generic"), target("z", "generic"));

        List<KeyRefreshResult> results = refresher(apiOnly()).refresh(targets, r -> heard.add(r.target().secretId()));

        assertEquals(List.of("x", "y", "z"), results.stream().map(r -> r.target().secretId()).toList());
        assertEquals(List.of("x", "y", "z"), heard.stream().sorted().toList());
        assertEquals(clock.instant(), results.getFirst().collectedAt());
    }

    @Test
    void serverErrorDuringAConfirmedIncidentIsAnOutage() throws Exception {
        provider.route("/check", Reply.json(503, "down"));
        RefreshSeams seams = apiOnly().withStatusPages(slug -> ServiceStatus.OUTAGE);

        CollectionResult result = refresher(seams).refresh(List.of(target("s1", "generic"))).getFirst().result();

        assertEquals(HealthStatus.OUTAGE, result.health());
        assertEquals(ServiceStatus.OUTAGE, result.service());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("reports an outage")));
    }

    @Test
    void serverErrorWithoutAConfirmedIncidentIsUnknown() throws Exception {
        provider.route("/check", Reply.json(503, "down"));
        RefreshSeams seams = apiOnly().withStatusPages(slug -> ServiceStatus.OPERATIONAL);

        CollectionResult result = refresher(seams).refresh(List.of(target("s1", "generic"))).getFirst().result();

        assertEquals(HealthStatus.UNKNOWN, result.health());
        assertEquals(ServiceStatus.OPERATIONAL, result.service());
        assertTrue(result.warnings().isEmpty());
    }

    @Test
    void aRejectedKeyStaysInvalidEvenDuringAnIncident() throws Exception {
        provider.route("/check", Reply.json(401, "no"));
        RefreshSeams seams = apiOnly().withStatusPages(slug -> ServiceStatus.DEGRADED);

        CollectionResult result = refresher(seams).refresh(List.of(target("s1", "generic"))).getFirst().result();

        assertEquals(HealthStatus.INVALID, result.health());
        assertEquals(ServiceStatus.DEGRADED, result.service());
    }

    @Test
    void providerWithoutApiCollectorIsScrapedWhenAScraperIsSetUp() throws Exception {
        List<String> scraped = new CopyOnWriteArrayList<>();
        ScrapeCollector scraper = new ScrapeCollector() {
            @Override
            public boolean canScrape(String providerSlug) {
                return providerSlug.equals("acme");
            }

            @Override
            public CollectionResult scrape(KeyTarget target, Duration timeout) {
                scraped.add(target.secretId());
                return new CollectionResult(CollectionMethod.SCRAPE, CollectionStatus.SUCCESS, "{\"usage_percent\":10}",
                        null, null, HealthStatus.VALID, ServiceStatus.UNKNOWN, List.of(), null, FailureCause.NONE);
            }
        };

        KeyRefreshResult result = refresher(apiOnly().withScraper(scraper)).refresh(List.of(target("s1", "acme"))).getFirst();

        assertEquals(List.of("s1"), scraped);
        assertEquals(CollectionMethod.SCRAPE, result.result().method());
        assertEquals(1, result.attempts());
        assertTrue(handedOutKeys.isEmpty(), "scraping does not read the key");
    }

    @Test
    void providerWithoutCollectorOrScraperShowsTheLastGoodSnapshotAsCached() throws Exception {
        Instant then = Instant.parse("2026-11-09T08:00:00Z");
        CollectionResult old = new CollectionResult(CollectionMethod.SCRAPE, CollectionStatus.SUCCESS,
                "{\"usage_percent\":40}", "{\"region\":\"eu\"}", null, HealthStatus.VALID, ServiceStatus.OPERATIONAL,
                List.of("old warning"), null, FailureCause.NONE);
        RefreshSeams seams = apiOnly().withLastSnapshots(id -> Optional.of(new StoredSnapshot(then, old)));

        KeyRefreshResult result = refresher(seams).refresh(List.of(target("s1", "acme"))).getFirst();

        CollectionResult cached = result.result();
        assertEquals(CollectionMethod.CACHED, cached.method());
        assertEquals(CollectionStatus.PARTIAL, cached.status());
        assertEquals("{\"usage_percent\":40}", cached.usageStatsJson());
        assertEquals("{\"region\":\"eu\"}", cached.configAttributesJson());
        assertEquals(HealthStatus.VALID, cached.health());
        assertEquals(0, result.attempts());
        assertTrue(cached.warnings().getFirst().contains("2026-11-09T08:00:00Z"));
        assertTrue(provider.seen().isEmpty());
    }

    @Test
    void providerWithNothingToCollectFromFailsAsCachedWithoutData() throws Exception {
        CollectionResult result = refresher(apiOnly()).refresh(List.of(target("s1", "acme"))).getFirst().result();

        assertEquals(CollectionMethod.CACHED, result.method());
        assertEquals(CollectionStatus.FAILED, result.status());
        assertEquals(FailureCause.NO_COLLECTOR, result.cause());
    }

    @Test
    void everyKeyCopyIsWipedAfterItsCollection() throws Exception {
        provider.route("/check", Reply.json(500, "down"));

        refresher(apiOnly()).refresh(List.of(target("s1", "generic"), target("s2", "generic")));

        assertEquals(2, handedOutKeys.size());
        for (char[] key : handedOutKeys) {
            assertTrue(new String(key).chars().allMatch(c -> c == 0), "a key array was not wiped");
        }
    }

    @Test
    void anUnreadableKeyIsReportedWithoutTheReadersMessage() throws Exception {
        SecretValueReader broken = id -> {
            throw new IllegalStateException("cannot decrypt value sk-live-SECRETVALUE");
        };

        CollectionResult result = refresher(RefreshSeams.apiOnly(broken, TextRedactor.none()))
                .refresh(List.of(target("s1", "generic"))).getFirst().result();

        assertEquals(FailureCause.KEY_UNAVAILABLE, result.cause());
        assertFalse(result.errorMessageRedacted().contains("SECRETVALUE"));
        assertTrue(provider.seen().isEmpty());
    }

    @Test
    void aProviderWithoutBaseUrlIsAConfigurationProblem() throws Exception {
        KeyTarget practice = new KeyTarget("s1", "prov-pc", "practice-cloud", null, null, null);

        CollectionResult result = refresher(apiOnly()).refresh(List.of(practice)).getFirst().result();

        assertEquals(FailureCause.BAD_CONFIGURATION, result.cause());
        assertTrue(result.errorMessageRedacted().contains("No API base URL"));
    }

    @Test
    void aCollectorThatThrowsIsContainedAndNamedByTypeOnly() throws Exception {
        catalog = catalog.with("boom", request -> {
            throw new IllegalStateException("leaking sk-live-SECRETVALUE");
        }, null);

        CollectionResult result = refresher(apiOnly()).refresh(List.of(target("s1", "boom"))).getFirst().result();

        assertEquals(FailureCause.COLLECTOR_DEFECT, result.cause());
        assertTrue(result.errorMessageRedacted().contains("IllegalStateException"));
        assertFalse(result.errorMessageRedacted().contains("SECRETVALUE"));
    }

    @Test
    void errorSentencesAndWarningsPassThroughTheRedactor() throws Exception {
        provider.route("/check", Reply.json(503, "down"));
        RefreshSeams seams = RefreshSeams.apiOnly(secrets, text -> "<scrubbed>" + text)
                .withStatusPages(slug -> ServiceStatus.OUTAGE);

        CollectionResult result = refresher(seams).refresh(List.of(target("s1", "generic"))).getFirst().result();

        assertTrue(result.errorMessageRedacted().startsWith("<scrubbed>"));
        assertFalse(result.warnings().isEmpty());
        assertTrue(result.warnings().stream().allMatch(w -> w.startsWith("<scrubbed>")));
    }

    @Test
    void highUsageAndKeyDatesBecomeWarnings() throws Exception {
        provider.route("/v1/models", Reply.json(200, MODELS))
                .route("/v1/usage", Reply.json(200, "{\"requests\":90,\"limit\":100}"));
        KeyTarget old = new KeyTarget("s1", "prov", "openai", provider.baseUrl(),
                clock.instant().minus(Duration.ofDays(200)), clock.instant().plus(Duration.ofDays(3)));

        CollectionResult result = refresher(apiOnly()).refresh(List.of(old)).getFirst().result();

        assertEquals(3, result.warnings().size(), result.warnings().toString());
        assertNull(result.errorMessageRedacted());
    }
}
