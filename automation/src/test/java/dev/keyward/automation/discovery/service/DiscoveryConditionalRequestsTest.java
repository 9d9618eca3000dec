package dev.keyward.automation.discovery.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.keyward.automation.discovery.Fixtures;
import dev.keyward.automation.discovery.LoopbackServer;
import dev.keyward.automation.discovery.LoopbackServer.Seen;
import dev.keyward.automation.discovery.MutableClock;
import dev.keyward.automation.discovery.RunStatus;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.SearchLogEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditional requests across runs: the ETag / Last-Modified each source answered with live in the vault, so a
 * new service, a new process or a session locked and unlocked again still asks "changed since?" and takes a 304.
 */
class DiscoveryConditionalRequestsTest {

    private static final String JSON = "application/json";
    private static final String RSS = "application/rss+xml";
    private static final String CANARY_KEY = "sk-proj-CANARYvalidators0123456789abcXYZ";
    private static final String SUMMARY = "/status/api/v2/summary.json";
    private static final String INCIDENTS = "/status/api/v2/incidents.json";
    private static final String CHANGELOG = "/changelog.xml";
    private static final String SEARCH = "/search";
    private static final String LAST_MODIFIED = "Wed, 29 Apr 2026 08:00:00 GMT";

    @TempDir
    Path folder;
    private final MutableClock clock = MutableClock.atTestNow();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private LoopbackServer server;
    private TestVault vault;

    @BeforeEach
    void setUp() {
        server = LoopbackServer.start();
        vault = TestVault.create(folder, clock);
        vault.addSecret("openai-prod", CANARY_KEY, "openai");
        vault.point("openai", server.base() + "/status/", server.base() + CHANGELOG);
        vault.set("discovery_search_url", server.base() + SEARCH);
        vault.watchOnly("openai");
        vault.networkOn();
        // Each source speaks a different dialect of validators: ETag only, Last-Modified only, both.
        server.route(SUMMARY, conditional(SUMMARY, JSON, "statuspage-summary.json", "\"summary-v1\"", null));
        server.route(INCIDENTS, conditional(INCIDENTS, JSON, "statuspage-incidents.json", null, LAST_MODIFIED));
        server.route(CHANGELOG, conditional(CHANGELOG, RSS, "changelog-rss.xml", "W/\"feed-7\"", LAST_MODIFIED));
        server.route(SEARCH, conditional(SEARCH, JSON, "searxng-answer.json", "\"search-3\"", null));
    }

    @AfterEach
    void tearDown() {
        vault.close();
        server.close();
    }

    @Test
    void aSecondServiceAfterLockAndReopenSendsTheStoredValidatorsAndGets304s() {
        try (DiscoveryService first = new DiscoveryService(vault.session())) {
            assertEquals(10, first.run(Trigger.ON_DEMAND, "openai").newFindings().size());
        }
        assertEquals(0, totalNotModified(), "the first run had nothing to send back");
        int firstRequests = server.totalHits();
        vault.lockAndReopen();
        clock.advance(Duration.ofHours(2));

        try (DiscoveryService second = new DiscoveryService(vault.session())) {
            DiscoveryOutcome outcome = second.run(Trigger.SCHEDULED, "openai");

            List<Seen> later = server.requests().subList(firstRequests, server.totalHits());
            assertEquals(4, later.size(), later.toString());
            assertEquals("\"summary-v1\"", header(later, SUMMARY, "If-None-Match"));
            assertNull(header(later, SUMMARY, "If-Modified-Since"));
            assertEquals(LAST_MODIFIED, header(later, INCIDENTS, "If-Modified-Since"));
            assertNull(header(later, INCIDENTS, "If-None-Match"));
            assertEquals("W/\"feed-7\"", header(later, CHANGELOG, "If-None-Match"));
            assertEquals(LAST_MODIFIED, header(later, CHANGELOG, "If-Modified-Since"));
            assertEquals("\"search-3\"", header(later, SEARCH, "If-None-Match"));
            assertEquals(Map.of(SUMMARY, 1, INCIDENTS, 1, CHANGELOG, 1, SEARCH, 1), notModifiedCounts());
            assertEquals(List.of(), outcome.newFindings());
            SearchLogEntry row = second.searchLog("openai", 1).get(0);
            assertEquals(RunStatus.SUCCESS, row.status(), "a 304 is a successful check");
            assertEquals(0, row.resultsFound());
        }
    }

    @Test
    void aDocumentThatCouldNotBeReadIsDownloadedInFullNextTime() {
        server.route(CHANGELOG, conditionalBody(CHANGELOG, RSS, Fixtures.read("malformed-rss.xml"), "\"broken\"", null));
        try (DiscoveryService first = new DiscoveryService(vault.session())) {
            assertEquals(RunStatus.PARTIAL, first.run(Trigger.ON_DEMAND, "openai").result().providerResults().get(0).status());
        }
        clock.advance(Duration.ofHours(2));
        int firstRequests = server.totalHits();

        try (DiscoveryService second = new DiscoveryService(vault.session())) {
            second.run(Trigger.ON_DEMAND, "openai");
        }

        List<Seen> later = server.requests().subList(firstRequests, server.totalHits());
        assertNull(header(later, CHANGELOG, "If-None-Match"), "the unreadable feed's validators were not kept");
        assertEquals("\"summary-v1\"", header(later, SUMMARY, "If-None-Match"), "the readable sources' were");
    }

    @Test
    void anAddressCarryingASecretIsNeverStoredAndKeepsBeingFetchedInFull() {
        vault.set("discovery_search_url", server.base() + SEARCH + "?key=" + CANARY_KEY);
        try (DiscoveryService first = new DiscoveryService(vault.session())) {
            first.run(Trigger.ON_DEMAND, "openai");
        }
        List<String> stored = vault.column("discovery_source_validators", "url");
        assertEquals(3, stored.size(), stored.toString());
        assertTrue(stored.stream().noneMatch(u -> u.contains(CANARY_KEY) || u.contains(SEARCH)), stored.toString());
        clock.advance(Duration.ofHours(2));

        try (DiscoveryService second = new DiscoveryService(vault.session())) {
            second.run(Trigger.ON_DEMAND, "openai");
        }

        assertEquals(2, server.hits(SEARCH));
        assertFalse(notModified.containsKey(SEARCH), "no conditional request for the secret-bearing address");
        assertEquals(3, totalNotModified());
    }

    @Test
    void retentionDropsValidatorsOfUnconfiguredSourcesAndThoseNotConfirmedWithinTheRetention() {
        vault.set("discovery_retention_days", "10");
        try (DiscoveryService service = new DiscoveryService(vault.session())) {
            service.run(Trigger.ON_DEMAND, "openai");
            assertEquals(4, vault.column("discovery_source_validators", "url").size());
            clock.advance(Duration.ofDays(9));
            service.run(Trigger.ON_DEMAND, "openai");
            assertEquals(4, totalNotModified(), "the second run was answered with 304s");
            vault.point("openai", server.base() + "/status/", null);
            clock.advance(Duration.ofDays(2));

            DiscoveryService.Pruned unconfigured = service.applyRetention();

            assertEquals(1, unconfigured.sourceValidators(), "only the changelog is no longer configured");
            assertEquals(List.of(server.base() + SEARCH + "?q=OpenAI+API+deprecation+OR+pricing+OR+security+advisory&format=json",
                    server.base() + INCIDENTS, server.base() + SUMMARY).stream().sorted().toList(),
                    vault.column("discovery_source_validators", "url").stream().sorted().toList(),
                    "a 304 nine days in counts as a confirmation, so the rest survive the ten-day retention");
            clock.advance(Duration.ofDays(9));

            assertEquals(3, service.applyRetention().sourceValidators(), "untouched for more than ten days");
            assertEquals(List.of(), vault.column("discovery_source_validators", "url"));
        }
    }

    // --- helpers ---

    private HttpHandler conditional(String path, String contentType, String fixture, String etag, String lastModified) {
        return exchange -> conditionalBody(path, contentType, Fixtures.read(fixture).replace("{{BASE}}", server.base()),
                etag, lastModified).handle(exchange);
    }

    /** Answers 304 when the request carries this document's validators (counted per path), else 200 with them. */
    private HttpHandler conditionalBody(String path, String contentType, String body, String etag, String lastModified) {
        return exchange -> {
            if (matches(exchange, etag, lastModified)) {
                notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            if (etag != null) {
                exchange.getResponseHeaders().set("ETag", etag);
            }
            if (lastModified != null) {
                exchange.getResponseHeaders().set("Last-Modified", lastModified);
            }
            LoopbackServer.respond(exchange, 200, contentType, body);
        };
    }

    private static boolean matches(HttpExchange exchange, String etag, String lastModified) throws IOException {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (ifNoneMatch == null && ifModifiedSince == null) {
            return false;
        }
        // RFC 9110: If-None-Match decides when present; If-Modified-Since only without it.
        if (ifNoneMatch != null) {
            return ifNoneMatch.equals(etag);
        }
        return ifModifiedSince.equals(lastModified);
    }

    private static String header(List<Seen> requests, String path, String name) {
        List<Seen> toPath = requests.stream().filter(r -> r.path().equals(path)).toList();
        assertEquals(1, toPath.size(), path + " was requested once: " + requests);
        return toPath.get(0).headers().getFirst(name);
    }

    private Map<String, Integer> notModifiedCounts() {
        Map<String, Integer> out = new java.util.HashMap<>();
        notModified.forEach((path, count) -> out.put(path, count.get()));
        return out;
    }

    private int totalNotModified() {
        return notModified.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
