package dev.keyward.automation.discovery;

import dev.keyward.automation.feeds.StatusPageReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.automation.net.FetchSettings;
import dev.keyward.automation.net.InMemoryConditionalCache;
import dev.keyward.automation.net.SafeHttpFetcher;
import dev.keyward.automation.feeds.ParseResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery against saved copies of real status documents (GitHub's Statuspage JSON, DatoCMS's own incident feed),
 * served from a loopback server, with date-shifted variants for the "recent" cases. What each variant changes is
 * said where it is built.
 */
class StatusPagesOnRealDocumentsTest {

    private static final String JSON = "application/json";
    private static final String PLACEHOLDER = "Visit www.githubstatus.com for more information";
    private static final UserContext USER = new UserContext(Map.of("github", 2), Set.of(), Set.of(), Set.of(),
            Set.of());
    private static final Instant NOW = MutableClock.TEST_NOW;

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

    private ProviderTarget github() {
        return new ProviderTarget("prov-github", "github", "GitHub", true,
                new ProviderSources(server.uri("/status/"), null, null, null), Duration.ofHours(1));
    }

    private ProviderRunResult runOnce() {
        return discovery.run(List.of(github()), Trigger.SCHEDULED, stored::store).providerResults().get(0);
    }

    /**
     * GitHub's real 2019 summary.json, with five components switched to {@code major_outage} and the indicator to
     * major, and GitHub's real incident 1p369ttzrnqy (whose only component is the placeholder) put in it as still
     * investigating: its resolution update removed. Everything is date-shifted so the incident began two hours ago.
     */
    private static ObjectNode githubSummaryDuringOutage() {
        ObjectNode summary = RealDocuments.object(RealDocuments.read("github-summary-2019-12-30.json"));
        Set<String> down = Set.of("Git Operations", "API Requests", "Webhooks", "Issues, PRs, Projects",
                "GitHub Packages");
        for (JsonNode component : summary.path("components")) {
            if (down.contains(component.path("name").asText())) {
                ((ObjectNode) component).put("status", "major_outage");
            }
        }
        ((ObjectNode) summary.path("status")).put("indicator", "major").put("description", "Partial System Outage");
        ((ArrayNode) summary.path("incidents")).add(openIncident("github-incident-1p369ttzrnqy.json"));
        return summary;
    }

    /** A real GitHub incident with its resolving updates removed, so it reads as still open. */
    private static ObjectNode openIncident(String file) {
        ObjectNode incident = (ObjectNode) RealDocuments.object(RealDocuments.read(file)).path("incident");
        ArrayNode updates = (ArrayNode) incident.path("incident_updates");
        for (int i = updates.size() - 1; i >= 0; i--) {
            if ("resolved".equals(updates.get(i).path("status").asText())) {
                updates.remove(i);
            }
        }
        incident.put("status", updates.get(0).path("status").asText());
        incident.putNull("resolved_at");
        return incident;
    }

    private static String shiftedSoThat(ObjectNode document, String from, Instant to) {
        return RealDocuments.shift(RealDocuments.write(document), RealDocuments.shiftTo(from, to));
    }

    @Test
    void anOutageNamesTheComponentsThatAreDownNotThePlaceholderOnTheIncident() {
        String summary = shiftedSoThat(githubSummaryDuringOutage(), "2020-05-07T23:17:42.479Z",
                NOW.minus(Duration.ofHours(2)));
        server.serve("/status/api/v2/summary.json", JSON, summary);
        server.serve("/status/api/v2/incidents.json", JSON, "{\"incidents\":[]}");

        ProviderRunResult result = runOnce();

        Finding outage = result.findings().stream()
                .filter(f -> f.sourceTitle().equals("Incident on 2020-05-07 23:17 UTC")).findFirst().orElseThrow();
        assertTrue(outage.sourceSnippet().contains("Affected: Git Operations (major outage), API Requests (major"
                + " outage), Webhooks (major outage), Issues, PRs, Projects (major outage), GitHub Packages (major"
                + " outage)."), outage.sourceSnippet());
        assertFalse(outage.sourceSnippet().contains(PLACEHOLDER), outage.sourceSnippet());
        assertTrue(outage.impactSummary().contains("affecting Git Operations, API Requests, Webhooks"),
                outage.impactSummary());
        assertFalse(outage.impactSummary().contains("Visit"), outage.impactSummary());
    }

    @Test
    void theSummaryOfAnIncidentFreeDegradationNamesLeafComponentsOnly() {
        ObjectNode summary = githubSummaryDuringOutage();
        ((ArrayNode) summary.path("incidents")).removeAll();
        // A group row as Statuspage writes one: it must not be reported as a service of its own.
        ((ArrayNode) summary.path("components")).addObject().put("id", "grp1").put("name", "Core services")
                .put("status", "major_outage").put("group", true);
        server.serve("/status/api/v2/summary.json", JSON, RealDocuments.write(summary));
        server.serve("/status/api/v2/incidents.json", JSON, "{\"incidents\":[]}");

        Finding degraded = runOnce().findings().get(0);

        assertTrue(degraded.sourceSnippet().startsWith("Components not fully operational: Git Operations (major"
                + " outage)"), degraded.sourceSnippet());
        assertFalse(degraded.sourceSnippet().contains("Core services"), degraded.sourceSnippet());
        assertFalse(degraded.sourceSnippet().contains(PLACEHOLDER), degraded.sourceSnippet());
    }

    @Test
    void anUnresolvedIncidentOpenedFortyDaysAgoIsKeptAndDatedByItsLatestUpdate() {
        // Variant of GitHub's critical incident gqx5l06jjxhp: resolution removed, shifted to start 40 days ago,
        // and its newest update moved to one hour ago, as a long-running incident still being updated.
        ObjectNode longRunning = openIncident("github-incident-gqx5l06jjxhp.json");
        String start = longRunning.path("started_at").asText();
        longRunning = RealDocuments.object(shiftedSoThat(longRunning, start, NOW.minus(Duration.ofDays(40))));
        String updatedToday = NOW.minus(Duration.ofHours(1)).toString();
        ObjectNode newest = (ObjectNode) longRunning.path("incident_updates").get(0);
        newest.put("display_at", updatedToday).put("created_at", updatedToday);
        longRunning.put("updated_at", updatedToday);
        // Incident 1p369ttzrnqy opened 45 days ago and never updated since: unresolved, so still kept.
        ObjectNode stale = openIncident("github-incident-1p369ttzrnqy.json");
        stale = RealDocuments.object(shiftedSoThat(stale, stale.path("created_at").asText(),
                NOW.minus(Duration.ofDays(45))));
        // The same real incident as published, resolved, 45 days ago: old news, left out.
        ObjectNode resolved = (ObjectNode) RealDocuments.object(RealDocuments.read("github-incident-1p369ttzrnqy.json"))
                .path("incident");
        resolved = RealDocuments.object(shiftedSoThat(resolved, resolved.path("created_at").asText(),
                NOW.minus(Duration.ofDays(45))));
        resolved.put("id", "resolvedcopy1").put("shortlink", "https://stspg.io/resolvedcopy1");
        ObjectNode incidents = RealDocuments.object("{\"incidents\":[]}");
        ((ArrayNode) incidents.path("incidents")).add(longRunning).add(stale).add(resolved);
        server.serve("/status/api/v2/summary.json", JSON, RealDocuments.shifted("github-summary-2019-12-30.json",
                RealDocuments.shiftTo("2019-12-30T08:15:33.297Z", NOW)));
        server.serve("/status/api/v2/incidents.json", JSON, RealDocuments.write(incidents));

        ProviderRunResult result = runOnce();

        String currentUrl = longRunning.path("shortlink").asText();
        List<String> urls = result.findings().stream().map(Finding::sourceUrl).toList();
        assertTrue(urls.contains(currentUrl), urls.toString());
        assertTrue(urls.contains(stale.path("shortlink").asText()), "an unresolved incident is never dropped: " + urls);
        assertFalse(urls.contains("https://stspg.io/resolvedcopy1"), "a resolved incident 45 days old is old news");
        Finding current = result.findings().stream()
                .filter(f -> f.sourceUrl().equals(currentUrl)).findFirst().orElseThrow();
        assertEquals(Instant.parse(updatedToday), current.publishedAt());
        assertEquals(Urgency.ACTION_NEEDED, current.urgency(), "critical and still open");
    }

    /**
     * DatoCMS's real incident feed (two items, byte for byte), date-shifted so its newest item is a day old, with the
     * newest item's "Resolved" paragraph removed so it reads as an incident still open. Its page, which serves no
     * Statuspage JSON, announces the feed with a standard alternate link.
     */
    private void serveDatoCmsLikePage() {
        String feed = RealDocuments.shift(RealDocuments.read("datocms-history-head.rss"),
                Duration.between(Instant.parse("2026-09-30T16:43:20Z"), NOW.minus(Duration.ofDays(1))));
        String resolution = "&lt;p&gt;&lt;strong&gt;Resolved&lt;/strong&gt; — &lt;p&gt;The issue has been"
                + " resolved.&lt;/p&gt;\n&lt;/p&gt;";
        assertTrue(feed.contains(resolution));
        server.serve("/status/history.rss", "application/rss+xml", feed.replaceFirst(java.util.regex.Pattern.quote(
                resolution), ""));
        server.serve("/status", "text/html", """
                <!doctype html><html><head><title>Status</title>
                <link rel="alternate" type="application/rss+xml" title="Incident history" href="/status/history.rss">
                </head><body><h1>Status</h1></body></html>""");
    }

    @Test
    void aPageWithoutStatuspageJsonIsReadThroughTheIncidentFeedItAnnounces() {
        serveDatoCmsLikePage();

        ProviderRunResult result = runOnce();

        assertEquals(RunStatus.SUCCESS, result.status(), String.valueOf(result.errorMessageRedacted()));
        Finding open = result.findings().stream()
                .filter(f -> f.sourceUrl().contains("2026-09-27-issues-sending-emails")).findFirst().orElseThrow();
        assertEquals(FindingCategory.SERVICE_MODIFICATION, open.category());
        assertEquals(Urgency.ADVISORY, open.urgency(), "an open feed incident is degraded service of unknown size");
        assertTrue(open.sourceSnippet().startsWith("Status: identified."), open.sourceSnippet());
        assertEquals(0, server.hits("/status/api/v2/incidents.json"), "a feed page is not asked for incidents.json");
    }

    @Test
    void aStatusPageInAFormatNotUnderstoodIsReportedAsSuchNotAsOperational() {
        server.serve("/status", "text/html", "<!doctype html><html><head><title>Status</title></head>"
                + "<body><div id=\"app\"></div><script src=\"/app.js\"></script></body></html>");

        ProviderRunResult result = runOnce();

        assertTrue(result.findings().isEmpty());
        assertNotNull(result.errorMessageRedacted());
        assertTrue(result.errorMessageRedacted().contains("in a format Keyward does not read"),
                result.errorMessageRedacted());
        assertEquals(0, server.hits("/status/api/v2/incidents.json"), "the verdict is said once");
        StatusPageReader.Reading reading = new StatusPageReader(fetcher).readSummary(server.uri("/status/"));
        assertEquals(StatusPageReader.Format.NOT_UNDERSTOOD, reading.format());
        assertInstanceOf(ParseResult.Unreadable.class, reading.result());
    }

    @Test
    void aPageHostedByIncidentIoWithoutAFeedLinkIsReadThroughItsHistoryFeed() {
        server.serve("/status", "text/html", "<!doctype html><html><head><title>Status</title>"
                + "<meta name=\"generator\" content=\"incident.io\"></head><body></body></html>");
        server.serve("/status/history.atom", "application/rss+xml", RealDocuments.shift(
                RealDocuments.read("incidentio-shaped-history.rss"),
                Duration.between(Instant.parse("2026-04-29T21:59:10Z"), NOW.minus(Duration.ofHours(3)))));

        StatusPageReader.Reading reading = new StatusPageReader(fetcher).readSummary(server.uri("/status/"));

        assertEquals(StatusPageReader.Format.INCIDENT_FEED, reading.format());
        var items = assertInstanceOf(ParseResult.Parsed.class, reading.result()).items();
        assertEquals(List.of("Connectors/Apps"), items.get(0).incident().components());
        assertTrue(items.get(0).incident().unresolved());
        assertFalse(items.get(1).incident().unresolved());
    }
}
