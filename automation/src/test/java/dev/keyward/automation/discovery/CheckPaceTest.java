package dev.keyward.automation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.automation.net.FetchSettings;
import dev.keyward.automation.net.InMemoryConditionalCache;
import dev.keyward.automation.net.SafeHttpFetcher;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hourly per-provider limit holds for scheduled runs; a person's explicit request gets one fresh check. */
class CheckPaceTest {

    private final MutableClock clock = MutableClock.atTestNow();
    private LoopbackServer server;
    private SafeHttpFetcher fetcher;
    private DiscoveryRun discovery;

    @BeforeEach
    void setUp() {
        server = LoopbackServer.start();
        server.serveFixture("/changelog.xml", "application/rss+xml", "changelog-rss.xml");
        fetcher = new SafeHttpFetcher(FetchSettings.defaults(), new InMemoryConditionalCache());
        discovery = new DiscoveryRun(fetcher, () -> true, new RateLimiter(clock), FindingAssessor.ruleBased(clock),
                new StoredFindings(), UserContext::empty, text -> text, clock);
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
        server.close();
    }

    private List<ProviderTarget> acme() {
        return List.of(new ProviderTarget("prov-acme", "acme", "Acme AI", true,
                new ProviderSources(null, server.uri("/changelog.xml"), null, null), Duration.ofHours(1)));
    }

    private DiscoveryRunResult run(Trigger trigger, CheckPace pace) {
        return discovery.run(acme(), trigger, pace, result -> { });
    }

    @Test
    void aScheduledRunWithinTheHourIsSkippedAndSaysWhenTheNextCheckIsAllowed() {
        run(Trigger.SCHEDULED, CheckPace.PACED);
        clock.advance(Duration.ofMinutes(10));

        DiscoveryRunResult second = run(Trigger.SCHEDULED, CheckPace.PACED);

        assertTrue(second.providerResults().isEmpty());
        SkippedProvider skipped = second.skipped().get(0);
        assertEquals(SkippedProvider.Reason.RATE_LIMITED, skipped.reason());
        assertTrue(skipped.sentence().contains("2026-05-01T10:00:00Z"), skipped.sentence());
        assertEquals(1, server.hits("/changelog.xml"));
    }

    @Test
    void anExplicitRequestWithinTheHourGetsAFreshCheckAndRestartsTheInterval() {
        run(Trigger.SCHEDULED, CheckPace.PACED);
        clock.advance(Duration.ofMinutes(10));

        DiscoveryRunResult checkNow = run(Trigger.ON_DEMAND, CheckPace.FRESH);

        assertEquals(1, checkNow.providerResults().size());
        assertTrue(checkNow.skipped().isEmpty());
        assertEquals(2, server.hits("/changelog.xml"));
        clock.advance(Duration.ofMinutes(55));
        DiscoveryRunResult scheduled = run(Trigger.SCHEDULED, CheckPace.PACED);
        assertEquals(SkippedProvider.Reason.RATE_LIMITED, scheduled.skipped().get(0).reason(),
                "the scheduled run keeps its distance from the explicit check");
        assertEquals(2, server.hits("/changelog.xml"));
    }
}
