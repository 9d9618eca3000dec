package dev.keyward.automation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.automation.net.FetchSettings;
import dev.keyward.automation.net.InMemoryConditionalCache;
import dev.keyward.automation.net.SafeHttpFetcher;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryRunTest {

    private static final String JSON = "application/json";
    private static final String RSS = "application/rss+xml";
    private static final UserContext USER = new UserContext(Map.of("acme", 3), Set.of("acme-prod"),
            Set.of("invoice-bot"), Set.of("ACME_API_KEY"), Set.of("embeddings"));

    private final MutableClock clock = MutableClock.atTestNow();
    private final StoredFindings stored = new StoredFindings();
    private final AtomicBoolean networkOn = new AtomicBoolean(true);
    private LoopbackServer server;
    private SafeHttpFetcher fetcher;
    private DiscoveryRun discovery;

    @BeforeEach
    void setUp() {
        server = LoopbackServer.start();
        fetcher = new SafeHttpFetcher(FetchSettings.defaults(), new InMemoryConditionalCache());
        discovery = new DiscoveryRun(fetcher, networkOn::get, new RateLimiter(clock), FindingAssessor.ruleBased(clock),
                stored, () -> USER, text -> text, clock);
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
        server.close();
    }

    private void serveAcme() {
        server.serveFixture("/status/api/v2/summary.json", JSON, "statuspage-summary.json");
        server.serveFixture("/status/api/v2/incidents.json", JSON, "statuspage-incidents.json");
        server.serveFixture("/changelog.xml", RSS, "changelog-rss.xml");
        server.serveFixture("/search", JSON, "searxng-answer.json");
    }

    private ProviderTarget acme() {
        return target("prov-acme", "acme", "Acme AI", true, new ProviderSources(server.uri("/status/"),
                server.uri("/changelog.xml"), server.uri("/search"), null));
    }

    private static ProviderTarget target(String id, String slug, String name, boolean enabled, ProviderSources sources) {
        return new ProviderTarget(id, slug, name, enabled, sources, Duration.ofHours(1));
    }

    private DiscoveryRunResult runAndStore(List<ProviderTarget> targets, Trigger trigger) {
        return discovery.run(targets, trigger, stored::store);
    }

    private static Finding byUrl(ProviderRunResult result, String url) {
        return result.findings().stream().filter(f -> f.sourceUrl().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + url + " in " + result.findings()));
    }

    @Test
    void fullRunProducesClassifiedDeduplicatedFindingsAndASearchLogEntry() {
        serveAcme();

        DiscoveryRunResult run = runAndStore(List.of(acme()), Trigger.SCHEDULED);

        ProviderRunResult acme = run.providerResults().get(0);
        assertEquals(RunStatus.SUCCESS, acme.status());
        assertEquals(Trigger.SCHEDULED, acme.trigger());
        assertEquals(MutableClock.TEST_NOW, acme.searchedAt());
        assertEquals(4, acme.queriesExecuted());
        assertEquals(12, acme.resultsFound(), "2 summary + 3 incidents + 4 feed entries + 3 search results");
        assertEquals(10, acme.findingsGenerated(), "the repeated incident and the re-told deprecation are dropped");
        assertNull(acme.errorMessageRedacted());

        Finding outage = byUrl(acme, "https://stspg.example/p31zjtct2jer");
        assertEquals(FindingCategory.SERVICE_MODIFICATION, outage.category());
        assertEquals(Urgency.ACTION_NEEDED, outage.urgency());
        Finding deprecation = byUrl(acme, "https://docs.acme-ai.example/changelog/legacy-completions-deprecation"
                + "?utm_source=rss&utm_medium=feed");
        assertEquals(FindingCategory.DEPRECATION, deprecation.category());
        assertEquals(Urgency.ACTION_NEEDED, deprecation.urgency());
        assertEquals(0.8, deprecation.relevanceScore());
        assertEquals("Acme AI is retiring something on 2026-05-20 (in 19 days).", deprecation.impactSummary());
        Finding embeddings = byUrl(acme, "https://docs.acme-ai.example/changelog/acme-embed-3");
        assertEquals(FindingCategory.CAPABILITY_CHANGE, embeddings.category());
        assertEquals(0.95, embeddings.relevanceScore());
        Finding alternatives = byUrl(acme, "https://news.example.org/2026/04/acme-ai-alternatives?utm_source=searx");
        assertEquals(FindingCategory.NEW_ALTERNATIVE, alternatives.category());
        assertEquals(Urgency.ADVISORY, byUrl(acme, "https://status.acme-ai.example/incidents/4nq8d2yx0wsl").urgency());
        assertEquals(Urgency.INFORMATIONAL, byUrl(acme, "https://stspg.example/zr7w6t1ys3dk").urgency());
    }

    @Test
    void searchRequestCarriesTheProviderQueryAndAsksForJson() {
        serveAcme();

        runAndStore(List.of(acme()), Trigger.ON_DEMAND);

        LoopbackServer.Seen search = server.requests().stream().filter(r -> r.path().equals("/search")).findFirst()
                .orElseThrow();
        assertEquals("q=Acme+AI+API+deprecation+OR+pricing+OR+security+advisory&format=json", search.query());
    }

    @Test
    void networkSwitchOffMeansZeroRequests() {
        serveAcme();
        networkOn.set(false);

        DiscoveryRunResult run = runAndStore(List.of(acme()), Trigger.LAUNCH_CATCHUP);

        assertEquals(0, server.totalHits());
        assertFalse(run.networkEnabled());
        assertTrue(run.providerResults().isEmpty());
        assertEquals(SkippedProvider.Reason.NETWORK_OFF, run.skipped().get(0).reason());
        assertTrue(run.summary().contains("no provider was contacted"), run.summary());
        assertEquals(0, run.requestsMade());
    }

    @Test
    void switchTurnedOffDuringARunStopsTheRemainingRequests() {
        serveAcme();
        server.route("/status/api/v2/summary.json", exchange -> {
            networkOn.set(false);
            LoopbackServer.respond(exchange, 200, JSON, Fixtures.read("statuspage-summary.json"));
        });
        ProviderTarget beta = target("prov-beta", "beta", "Beta Cloud", true,
                new ProviderSources(null, server.uri("/beta.xml"), null, null));

        DiscoveryRunResult run = runAndStore(List.of(acme(), beta), Trigger.SCHEDULED);

        assertEquals(1, server.totalHits());
        ProviderRunResult acme = run.providerResults().get(0);
        assertEquals(1, acme.queriesExecuted());
        assertEquals(RunStatus.PARTIAL, acme.status());
        assertTrue(acme.errorMessageRedacted().contains("turned off during the run"), acme.errorMessageRedacted());
        assertEquals(SkippedProvider.Reason.NETWORK_OFF, run.skipped().get(0).reason());
    }

    @Test
    void disabledProvidersAndProvidersWithoutSourcesAreNotContacted() {
        serveAcme();
        ProviderTarget disabled = target("prov-off", "off", "Off Inc", false,
                new ProviderSources(null, server.uri("/off.xml"), null, null));
        ProviderTarget empty = target("prov-empty", "empty", "Empty Co", true, ProviderSources.none());

        DiscoveryRunResult run = runAndStore(List.of(disabled, empty), Trigger.ON_DEMAND);

        assertEquals(0, server.totalHits());
        assertEquals(List.of(SkippedProvider.Reason.DISCOVERY_DISABLED, SkippedProvider.Reason.NO_SOURCES),
                run.skipped().stream().map(SkippedProvider::reason).toList());
    }

    @Test
    void providerCheckedWithinItsMinimumIntervalIsSkippedUntilItPasses() {
        serveAcme();
        runAndStore(List.of(acme()), Trigger.SCHEDULED);
        int afterFirst = server.totalHits();

        clock.advance(Duration.ofMinutes(59));
        DiscoveryRunResult tooSoon = runAndStore(List.of(acme()), Trigger.ON_DEMAND);
        clock.advance(Duration.ofMinutes(1));
        DiscoveryRunResult onTime = runAndStore(List.of(acme()), Trigger.ON_DEMAND);

        assertEquals(SkippedProvider.Reason.RATE_LIMITED, tooSoon.skipped().get(0).reason());
        assertTrue(tooSoon.skipped().get(0).sentence().contains("2026-05-01T10:00:00Z"),
                tooSoon.skipped().get(0).sentence());
        assertEquals(1, onTime.providerResults().size());
        assertEquals(afterFirst * 2, server.totalHits());
    }

    @Test
    void failingSourcesMakeTheRunPartialWhileTheOthersStillCount() {
        serveAcme();
        server.serveFixture("/changelog.xml", RSS, "malformed-rss.xml");
        server.route("/search", exchange -> LoopbackServer.respond(exchange, 502, "text/html", "<h1>Bad gateway</h1>"));

        ProviderRunResult acme = runAndStore(List.of(acme()), Trigger.SCHEDULED).providerResults().get(0);

        assertEquals(RunStatus.PARTIAL, acme.status());
        assertEquals(4, acme.queriesExecuted());
        assertEquals(5, acme.resultsFound());
        assertEquals(4, acme.findingsGenerated());
        assertTrue(acme.errorMessageRedacted().contains("Changelog feed: The changelog feed is not a readable RSS"),
                acme.errorMessageRedacted());
        assertTrue(acme.errorMessageRedacted().contains("Web search: 127.0.0.1 answered HTTP 502"),
                acme.errorMessageRedacted());
    }

    @Test
    void everySourceFailingIsAFailedRunWithoutFindings() {
        ProviderRunResult acme = runAndStore(List.of(acme()), Trigger.SCHEDULED).providerResults().get(0);

        assertEquals(RunStatus.FAILED, acme.status());
        assertEquals(4, acme.queriesExecuted());
        assertEquals(0, acme.findingsGenerated());
    }

    @Test
    void hostileSourcesBecomeLoggedFailuresAndTheRunCompletes() {
        server.serve("/big.json", JSON, "{\"incidents\": [" + "{},".repeat(1_200_000) + "{}]}");
        server.route("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
        });
        server.route("/slow.xml", exchange -> server.holdUntilClosed(Duration.ofSeconds(30)));
        server.serveFixture("/xxe.xml", RSS, "xxe-remote-dtd.xml");
        server.serve("/search", JSON, "{\"results\": [" + "[".repeat(50_000));
        ProviderTarget big = target("p-big", "big", "Big", true, new ProviderSources(null, null,
                server.uri("/search"), null));
        ProviderTarget loop = target("p-loop", "loop", "Loop", true,
                new ProviderSources(null, server.uri("/loop"), null, null));
        ProviderTarget slow = target("p-slow", "slow", "Slow", true,
                new ProviderSources(null, server.uri("/slow.xml"), null, null));
        ProviderTarget xxe = target("p-xxe", "xxe", "XXE", true,
                new ProviderSources(null, server.uri("/xxe.xml"), null, null));
        SafeHttpFetcher capped = new SafeHttpFetcher(FetchSettings.defaults().withMaxBodyBytes(1_000_000)
                .withTotalTimeout(Duration.ofSeconds(3)), new InMemoryConditionalCache());
        ProviderTarget oversized = target("p-oversized", "oversized", "Oversized", true,
                new ProviderSources(null, server.uri("/big.json"), null, null));
        DiscoveryRun strict = new DiscoveryRun(capped, () -> true, new RateLimiter(clock),
                FindingAssessor.ruleBased(clock), stored, () -> USER, text -> text, clock);

        DiscoveryRunResult run;
        try (capped) {
            run = strict.run(List.of(big, loop, slow, xxe, oversized), Trigger.SCHEDULED);
        }

        assertEquals(5, run.providerResults().size());
        assertTrue(run.providerResults().stream().allMatch(r -> r.status() == RunStatus.FAILED), run.toString());
        Map<String, String> errors = run.providerResults().stream().collect(
                java.util.stream.Collectors.toMap(ProviderRunResult::providerId, ProviderRunResult::errorMessageRedacted));
        assertTrue(errors.get("p-big").contains("not SearXNG-style JSON"), errors.get("p-big"));
        assertTrue(errors.get("p-loop").contains("more than 5"), errors.get("p-loop"));
        assertTrue(errors.get("p-slow").contains("timed out"), errors.get("p-slow"));
        assertTrue(errors.get("p-xxe").contains("DOCTYPE"), errors.get("p-xxe"));
        assertTrue(errors.get("p-oversized").contains("response larger than 1000000 bytes"), errors.get("p-oversized"));
        assertEquals(0, server.hits("/evil.dtd"));
    }

    @Test
    void secondRunGetsNotModifiedAnswersAndReportsNothingNew() {
        for (String path : List.of("/status/api/v2/summary.json", "/status/api/v2/incidents.json", "/changelog.xml",
                "/search")) {
            String fixture = switch (path) {
                case "/status/api/v2/summary.json" -> "statuspage-summary.json";
                case "/status/api/v2/incidents.json" -> "statuspage-incidents.json";
                case "/changelog.xml" -> "changelog-rss.xml";
                default -> "searxng-answer.json";
            };
            server.route(path, exchange -> {
                exchange.getResponseHeaders().set("ETag", "\"" + fixture + "-v1\"");
                if (("\"" + fixture + "-v1\"").equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    LoopbackServer.respond(exchange, 200, JSON, Fixtures.read(fixture));
                }
            });
        }
        runAndStore(List.of(acme()), Trigger.SCHEDULED);
        clock.advance(Duration.ofHours(2));

        ProviderRunResult second = runAndStore(List.of(acme()), Trigger.SCHEDULED).providerResults().get(0);

        assertEquals(RunStatus.SUCCESS, second.status());
        assertEquals(4, second.queriesExecuted());
        assertEquals(0, second.resultsFound());
        assertEquals(0, second.findingsGenerated());
        assertEquals(4, server.requests().stream().filter(r -> r.headers().getFirst("If-None-Match") != null).count());
    }

    @Test
    void findingsAlreadyStoredAreNotReportedAgainOnTheNextRun() {
        serveAcme();
        ProviderRunResult first = runAndStore(List.of(acme()), Trigger.SCHEDULED).providerResults().get(0);
        // The next day the feed repeats its entries with other tracking parameters and adds one new entry;
        // search finds the deprecation again under a slightly different title.
        String feed = Fixtures.read("changelog-rss.xml")
                .replace("?utm_source=rss&amp;utm_medium=feed", "?utm_source=newsletter#top")
                .replaceFirst("<item>", """
                        <item>
                          <title>Batch API now supports embeddings</title>
                          <link>https://docs.acme-ai.example/changelog/batch-embeddings</link>
                          <description>Embeddings requests can now be sent through the Batch API.</description>
                        </item>
                        <item>""");
        server.serve("/changelog.xml", RSS, feed);
        server.serve("/search", JSON, """
                {"results": [{"url": "https://other.example/acme-news",
                  "title": "Deprecating the legacy v1 completions endpoint",
                  "content": "Shut down on 2026-05-20."}]}""");
        clock.advance(Duration.ofDays(1));

        ProviderRunResult second = runAndStore(List.of(acme()), Trigger.SCHEDULED).providerResults().get(0);

        assertEquals(10, first.findingsGenerated());
        assertEquals(List.of("https://docs.acme-ai.example/changelog/batch-embeddings"),
                second.findings().stream().map(Finding::sourceUrl).toList());
        assertTrue(second.resultsFound() > second.findingsGenerated());
    }

    @Test
    void errorSentencesPassThroughTheRedactor() {
        DiscoveryRun redacting = new DiscoveryRun(fetcher, () -> true, new RateLimiter(clock),
                FindingAssessor.ruleBased(clock), stored, () -> USER, text -> text.replace("127.0.0.1", "[host]"),
                clock);

        ProviderRunResult result = redacting.run(List.of(acme()), Trigger.ON_DEMAND).providerResults().get(0);

        assertFalse(result.errorMessageRedacted().contains("127.0.0.1"), result.errorMessageRedacted());
        assertTrue(result.errorMessageRedacted().contains("[host] answered HTTP 404"), result.errorMessageRedacted());
    }

    @Test
    void failingHistoryFailsTheProviderInsteadOfStoringDuplicates() {
        serveAcme();
        DiscoveryRun broken = new DiscoveryRun(fetcher, () -> true, new RateLimiter(clock),
                FindingAssessor.ruleBased(clock), providerId -> {
                    throw new IllegalStateException("database is locked");
                }, () -> USER, text -> text, clock);

        ProviderRunResult result = broken.run(List.of(acme()), Trigger.ON_DEMAND).providerResults().get(0);

        assertEquals(RunStatus.FAILED, result.status());
        assertEquals(0, result.findingsGenerated());
        assertFalse(result.errorMessageRedacted().contains("database is locked"));
    }

    @Test
    void documentThatCouldNotBeParsedIsFetchedAgainInFullNextTime() {
        server.route("/changelog.xml", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"broken-v1\"");
            if ("\"broken-v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                LoopbackServer.respond(exchange, 200, RSS, Fixtures.read("malformed-rss.xml"));
            }
        });
        ProviderTarget feedOnly = target("prov-acme", "acme", "Acme AI", true,
                new ProviderSources(null, server.uri("/changelog.xml"), null, null));
        runAndStore(List.of(feedOnly), Trigger.SCHEDULED);
        clock.advance(Duration.ofHours(2));

        ProviderRunResult second = runAndStore(List.of(feedOnly), Trigger.SCHEDULED).providerResults().get(0);

        assertEquals(RunStatus.FAILED, second.status(), "a 304 must not hide that the feed is still unreadable");
        assertNull(server.requests().get(1).headers().getFirst("If-None-Match"));
    }

    @Test
    void itemsOlderThanTheLookbackWindowAreCountedButNotReported() {
        server.serve("/changelog.xml", RSS, """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>t</title><link>https://docs.example</link><description>d</description>
                <item><title>Old news from last year</title><link>https://docs.example/old</link>
                  <pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>
                <item><title>Fresh news from this week</title><link>https://docs.example/fresh</link>
                  <pubDate>Wed, 29 Apr 2026 10:00:00 GMT</pubDate></item>
                <item><title>Undated news</title><link>https://docs.example/undated</link></item>
                </channel></rss>
                """);
        ProviderTarget feedOnly = target("prov-acme", "acme", "Acme AI", true,
                new ProviderSources(null, server.uri("/changelog.xml"), null, null));

        ProviderRunResult result = runAndStore(List.of(feedOnly), Trigger.SCHEDULED).providerResults().get(0);

        assertEquals(3, result.resultsFound());
        assertEquals(List.of("https://docs.example/fresh", "https://docs.example/undated"),
                result.findings().stream().map(Finding::sourceUrl).toList());
    }

    @Test
    void statusPageBaseMayBeGivenWithTheApiPath() {
        ProviderSources sources = new ProviderSources(URI.create("https://status.acme-ai.example/api/v2/"), null, null,
                null);

        assertEquals(List.of(URI.create("https://status.acme-ai.example/api/v2/summary.json"),
                        URI.create("https://status.acme-ai.example/api/v2/incidents.json")),
                sources.requests("Acme AI").stream().map(SourceRequest::url).toList());
        assertEquals(URI.create("https://status.acme-ai.example"), sources.statusPageHome());
    }
}
