package dev.keyward.automation.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.Fixtures;
import dev.keyward.automation.feeds.IncidentState.Impact;
import dev.keyward.automation.feeds.IncidentState.Phase;
import dev.keyward.automation.feeds.ParseResult.Parsed;
import dev.keyward.automation.feeds.ParseResult.Unreadable;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatuspageParserTest {

    private static final URI BASE = URI.create("https://status.acme-ai.example");

    private final StatuspageParser parser = new StatuspageParser();

    @Test
    void incidentsCarryPhaseAndImpactFromTheJsonFields() {
        Parsed parsed = assertInstanceOf(Parsed.class,
                parser.parseIncidents(Fixtures.read("statuspage-incidents.json"), BASE));

        List<SourceItem> items = parsed.items();
        assertEquals(3, items.size());
        assertEquals(new IncidentState(Phase.ONGOING, Impact.MAJOR, List.of("Chat Completions API (major outage)")),
                items.get(0).incident());
        assertEquals(Phase.ONGOING, items.get(1).incident().phase());
        assertEquals(Impact.MINOR, items.get(1).incident().impact());
        assertEquals(new IncidentState(Phase.RESOLVED, Impact.MAJOR, List.of("Dashboard")), items.get(2).incident(),
                "a resolved incident names its components without their (now stale) status");
        assertTrue(items.stream().allMatch(i -> i.sourceKind() == SourceKind.STATUS_INCIDENT));
    }

    @Test
    void incidentTextLeadsWithStatusAndComponentsThenTheLatestUpdate() {
        Parsed parsed = assertInstanceOf(Parsed.class,
                parser.parseIncidents(Fixtures.read("statuspage-incidents.json"), BASE));

        SourceItem ongoing = parsed.items().get(0);
        assertEquals("Elevated error rates on the chat completions API", ongoing.title());
        assertEquals("https://stspg.example/p31zjtct2jer", ongoing.url());
        assertEquals("Status: investigating. Affected: Chat Completions API (major outage). We are seeing elevated 5xx"
                + " error rates for requests to the chat completions API. Our engineers are investigating.",
                ongoing.text());
        assertEquals(Instant.parse("2026-05-01T08:41:07.101Z"), ongoing.publishedAt(),
                "an open incident is dated by its latest update, not its start");
        assertEquals(Instant.parse("2026-04-27T13:58:00Z"), parsed.items().get(2).publishedAt(),
                "a resolved incident keeps its start date");
    }

    @Test
    void incidentWithoutShortlinkGetsItsPageAddress() {
        Parsed parsed = assertInstanceOf(Parsed.class,
                parser.parseIncidents(Fixtures.read("statuspage-incidents.json"), BASE));

        assertEquals("https://status.acme-ai.example/incidents/4nq8d2yx0wsl", parsed.items().get(1).url());
    }

    @Test
    void maintenancesCarryTheirWindowAndPhase() {
        Parsed parsed = assertInstanceOf(Parsed.class,
                parser.parseMaintenances(Fixtures.read("statuspage-maintenances.json"), BASE));

        List<SourceItem> items = parsed.items();
        assertEquals(3, items.size());
        assertEquals(List.of(Phase.SCHEDULED, Phase.ONGOING, Phase.RESOLVED),
                items.stream().map(i -> i.incident().phase()).toList());
        assertTrue(items.stream().allMatch(i -> i.incident().impact() == Impact.MAINTENANCE));
        assertTrue(items.get(0).text().startsWith(
                "Maintenance window: 2026-05-06T02:00:00.000Z to 2026-05-06T04:00:00.000Z."), items.get(0).text());
        assertEquals(SourceKind.STATUS_MAINTENANCE, items.get(0).sourceKind());
    }

    @Test
    void summaryListsUnresolvedIncidentsAndUpcomingMaintenances() {
        Parsed parsed = assertInstanceOf(Parsed.class,
                parser.parseSummary(Fixtures.read("statuspage-summary.json"), BASE));

        assertEquals(List.of("https://stspg.example/p31zjtct2jer", "https://stspg.example/w8e7r6t5y4u3"),
                parsed.items().stream().map(SourceItem::url).toList());
    }

    @Test
    void summaryWithDegradedComponentsButNoIncidentReportsTheComponents() {
        Parsed parsed = assertInstanceOf(Parsed.class,
                parser.parseSummary(Fixtures.read("statuspage-summary-degraded.json"), BASE));

        SourceItem item = parsed.items().get(0);
        assertEquals("Acme AI: Minor Service Outage", item.title());
        assertEquals("Components not fully operational: Files (partial outage).", item.text());
        assertEquals(new IncidentState(Phase.ONGOING, Impact.MINOR, List.of("Files (partial outage)")), item.incident());
        assertEquals("https://status.acme-ai.example/?status_at=2026-05-01T09:02:00.000Z", item.url());
    }

    @Test
    void malformedOrMisshapenJsonIsUnreadable() {
        String incidents = Fixtures.read("statuspage-incidents.json");
        assertInstanceOf(Unreadable.class, parser.parseIncidents(incidents.substring(0, incidents.length() / 2), BASE));
        assertInstanceOf(Unreadable.class, parser.parseIncidents("[1, 2, 3]", BASE));
        assertInstanceOf(Unreadable.class, parser.parseIncidents("{\"incidents\": \"none\"}", BASE));
        assertInstanceOf(Unreadable.class, parser.parseSummary("{\"page\": {}}", BASE));
        assertInstanceOf(Unreadable.class, parser.parseMaintenances("<html>Service Unavailable</html>", BASE));
        assertInstanceOf(Unreadable.class, parser.parseIncidents("", BASE));
    }

    @Test
    void deeplyNestedJsonIsUnreadableNotAStackOverflow() {
        String nested = "{\"incidents\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertInstanceOf(Unreadable.class, parser.parseIncidents(nested, BASE));
    }

    @Test
    void entriesOfTheWrongTypeAreSkippedNotFatal() {
        String json = """
                {"incidents": [
                  "just a string",
                  {"id": "ok1", "name": "Real incident", "status": "monitoring", "impact": "critical",
                   "shortlink": "https://stspg.example/ok1", "incident_updates": "not a list", "components": 7},
                  {"id": "../../etc", "name": "Path tricks in the id", "status": "investigating"},
                  {"name": 42, "shortlink": "https://stspg.example/n"}
                ]}
                """;

        Parsed parsed = assertInstanceOf(Parsed.class, parser.parseIncidents(json, BASE));

        assertEquals(1, parsed.items().size());
        assertEquals(new IncidentState(Phase.ONGOING, Impact.CRITICAL), parsed.items().get(0).incident());
        assertEquals(3, parsed.skipped());
    }
}
