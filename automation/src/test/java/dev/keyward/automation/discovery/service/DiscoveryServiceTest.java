package dev.keyward.automation.discovery.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.LoopbackServer;
import dev.keyward.automation.discovery.MutableClock;
import dev.keyward.automation.discovery.RunStatus;
import dev.keyward.automation.discovery.SkippedProvider;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.feeds.PlainText;
import dev.keyward.automation.feeds.SourceKind;
import dev.keyward.automation.discovery.FindingCursor;
import dev.keyward.automation.discovery.FindingPage;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.SearchLogEntry;
import dev.keyward.automation.discovery.StoredFinding;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.provider.ProviderUpdate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery through the vault: real profile, real SQLCipher file, loopback provider sources. */
class DiscoveryServiceTest {

    private static final String JSON = "application/json";
    private static final String RSS = "application/rss+xml";
    private static final String CANARY_KEY = "sk-proj-CANARYdisco0123456789abcdefXYZ";
    private static final String CANARY_PLAIN = "plaincanary-4f9e2d-value";

    @TempDir
    Path folder;
    private final MutableClock clock = MutableClock.atTestNow();
    private final List<List<StoredFinding>> alerts = new CopyOnWriteArrayList<>();
    private LoopbackServer server;
    private TestVault vault;
    private DiscoveryService service;

    @BeforeEach
    void setUp() {
        server = LoopbackServer.start();
        vault = TestVault.create(folder, clock);
        vault.addSecret("openai-prod", CANARY_KEY, "openai");
        vault.addSecret("notes-token", CANARY_PLAIN, null);
        vault.point("openai", server.base() + "/status/", server.base() + "/changelog.xml");
        vault.set("discovery_search_url", server.base() + "/search");
        vault.watchOnly("openai");
        service = newService();
    }

    @AfterEach
    void tearDown() {
        service.close();
        vault.close();
        server.close();
    }

    private DiscoveryService newService() {
        return new DiscoveryService(vault.session(), DiscoveryOptions.defaults(), alerts::add);
    }

    private void serveFixtures() {
        server.serveFixture("/status/api/v2/summary.json", JSON, "statuspage-summary.json");
        server.serveFixture("/status/api/v2/incidents.json", JSON, "statuspage-incidents.json");
        server.serveFixture("/changelog.xml", RSS, "changelog-rss.xml");
        server.serveFixture("/search", JSON, "searxng-answer.json");
    }

    private List<StoredFinding> all() {
        return service.inbox(FindingQuery.all().withLimit(500)).findings();
    }

    @Test
    void runStoresClassifiedFindingsAndOneSearchLogRowPerProvider() {
        serveFixtures();
        vault.networkOn();

        DiscoveryOutcome outcome = service.run(Trigger.ON_DEMAND, "openai");

        assertEquals(10, outcome.newFindings().size(), outcome.toString());
        assertEquals(10, all().size());
        StoredFinding deprecation = all().stream().filter(f -> f.category() == FindingCategory.DEPRECATION)
                .filter(f -> f.sourceKind() == SourceKind.CHANGELOG_FEED).findFirst().orElseThrow();
        assertEquals(Urgency.ACTION_NEEDED, deprecation.urgency());
        assertEquals("openai", deprecation.providerSlug());
        assertEquals(FindingStatus.NEW, deprecation.userStatus());
        assertNotNull(deprecation.publishedAt());
        assertTrue(deprecation.relevanceReason().startsWith("You hold 1 key"), deprecation.relevanceReason());
        assertTrue(deprecation.impactSummary().contains("OpenAI is retiring something on 2026-05-20"),
                deprecation.impactSummary());
        List<SearchLogEntry> log = service.searchLog(null, 10);
        assertEquals(1, log.size());
        SearchLogEntry row = log.get(0);
        assertEquals("openai", row.providerSlug());
        assertEquals(Trigger.ON_DEMAND, row.trigger());
        assertEquals(MutableClock.TEST_NOW, row.searchedAt());
        assertEquals(4, row.queriesExecuted());
        assertEquals(12, row.resultsFound());
        assertEquals(10, row.findingsGenerated());
        assertEquals(RunStatus.SUCCESS, row.status());
        assertNull(row.errorMessageRedacted());
        assertEquals(ProviderSummary.State.SUCCESS, outcome.providers().get(0).state());
    }

    @Test
    void searchIsOnlyAskedAboutProvidersTheUserHoldsKeysFor() {
        serveFixtures();
        vault.networkOn();
        vault.session().secrets().remove("openai-prod");

        service.run(Trigger.ON_DEMAND, "openai");

        assertEquals(0, server.hits("/search"));
        assertEquals(3, service.searchLog(null, 10).get(0).queriesExecuted());
    }

    @Test
    void findingsStoredInTheVaultAreNotReportedAgainByALaterRun() {
        serveFixtures();
        vault.networkOn();
        service.run(Trigger.SCHEDULED);
        clock.advance(Duration.ofHours(2));
        // A new service has no memory of its own: only the vault knows what was found.
        service.close();
        service = newService();

        DiscoveryOutcome second = service.run(Trigger.SCHEDULED);

        assertEquals(List.of(), second.newFindings());
        assertEquals(10, all().size());
        List<SearchLogEntry> log = service.searchLog("openai", 10);
        assertEquals(2, log.size());
        assertEquals(12, log.get(0).resultsFound());
        assertEquals(0, log.get(0).findingsGenerated());
        assertEquals(Trigger.SCHEDULED, log.get(0).trigger());
    }

    @Test
    void findingsOlderThanTheRetentionAreForgottenByDeduplication() {
        serveFixtures();
        vault.networkOn();
        vault.set("discovery_retention_days", "1");
        service.run(Trigger.SCHEDULED);
        clock.advance(Duration.ofDays(2));

        DiscoveryOutcome later = newService().run(Trigger.SCHEDULED);

        assertFalse(later.newFindings().isEmpty(), "stored findings past retention no longer count as known");
    }

    @Test
    void retentionDeletesOldFindingsAndSearchLogRowsOnly() {
        serveFixtures();
        vault.networkOn();
        vault.set("discovery_retention_days", "10");
        service.run(Trigger.ON_DEMAND, "openai");
        clock.advance(Duration.ofDays(9));
        server.serve("/changelog.xml", RSS, """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>t</title><link>https://docs.example</link><description>d</description>
                <item><title>A later note about the batch API</title><link>https://docs.example/later</link></item>
                </channel></rss>""");
        service.run(Trigger.ON_DEMAND, "openai");
        clock.advance(Duration.ofDays(2));

        DiscoveryService.Pruned first = service.applyRetention();
        clock.advance(Duration.ofDays(30));
        DiscoveryService.Pruned second = service.applyRetention();

        assertEquals(new DiscoveryService.Pruned(10, 0, 0), first);
        assertEquals(new DiscoveryService.Pruned(1, 2, 0), second);
        assertEquals(List.of(), all());
    }

    @Test
    void rateLimitIsSeededFromTheSearchLogOfEarlierRuns() {
        serveFixtures();
        vault.networkOn();
        service.run(Trigger.ON_DEMAND, "openai");
        int hits = server.totalHits();
        clock.advance(Duration.ofMinutes(30));

        try (DiscoveryService fresh = newService()) {
            DiscoveryOutcome tooSoon = fresh.run(Trigger.ON_DEMAND, "openai");

            assertEquals(hits, server.totalHits());
            assertEquals(SkippedProvider.Reason.RATE_LIMITED, tooSoon.providers().get(0).skipReason());
            assertTrue(tooSoon.providers().get(0).message().contains("2026-05-01T10:00:00Z"),
                    tooSoon.providers().get(0).message());
        }
    }

    @Test
    void networkSwitchOffMeansNoRequestAtAllEvenWithAnLlmConfigured() {
        serveFixtures();
        server.serve("/v1/chat/completions", JSON, "{}");
        vault.set("llm_base_url", server.base());
        vault.set("llm_model", "test-model");
        vault.watchOnly("openai", "anthropic", "stripe");

        DiscoveryOutcome outcome = service.run(Trigger.SCHEDULED);

        assertEquals(0, server.totalHits());
        assertFalse(outcome.networkEnabled());
        assertEquals(0, outcome.checked());
        assertEquals(List.of(), service.searchLog(null, 10));
        assertEquals(List.of(), all());
        assertTrue(outcome.providers().stream()
                .allMatch(p -> p.skipReason() == SkippedProvider.Reason.NETWORK_OFF), outcome.providers().toString());
    }

    @Test
    void providerWithDiscoveryTurnedOffIsNotContacted() {
        serveFixtures();
        vault.networkOn();
        vault.session().providers().update("openai", new ProviderUpdate(null, null, null, null, false, null));

        DiscoveryOutcome outcome = service.run(Trigger.ON_DEMAND, "openai");

        assertEquals(0, server.totalHits());
        assertEquals(SkippedProvider.Reason.DISCOVERY_DISABLED, outcome.providers().get(0).skipReason());
    }

    @Test
    void unknownProviderIsReportedAsNotFound() {
        assertThrows(NotFoundException.class, () -> service.run(Trigger.ON_DEMAND, "no-such-provider"));
    }

    @Test
    void brokenSlowAndOversizedSourcesAreLoggedFailuresNotCrashes() {
        vault.networkOn();
        service.close();
        service = new DiscoveryService(vault.session(), DiscoveryOptions.defaults().withFetch(
                DiscoveryOptions.defaults().fetch().withTotalTimeout(Duration.ofSeconds(2)).withMaxBodyBytes(200_000)),
                alerts::add);
        server.serveFixture("/changelog.xml", RSS, "malformed-rss.xml");
        server.route("/status/api/v2/summary.json", exchange -> server.holdUntilClosed(Duration.ofSeconds(20)));
        server.serve("/status/api/v2/incidents.json", JSON, "{\"incidents\": [" + "{},".repeat(100_000) + "{}]}");
        server.serve("/search", JSON, "{\"results\": " + "[".repeat(50_000));

        DiscoveryOutcome outcome = service.run(Trigger.ON_DEMAND, "openai");

        SearchLogEntry row = service.searchLog("openai", 1).get(0);
        assertEquals(RunStatus.FAILED, row.status());
        assertEquals(4, row.queriesExecuted());
        String error = row.errorMessageRedacted();
        assertTrue(error.contains("timed out"), error);
        assertTrue(error.contains("larger than 200000 bytes"), error);
        assertTrue(error.contains("Changelog feed"), error);
        assertTrue(error.contains("Web search"), error);
        assertFalse(error.contains(CANARY_KEY) || error.contains(CANARY_PLAIN));
        assertEquals(ProviderSummary.State.FAILED, outcome.providers().get(0).state());
        assertEquals(List.of(), all());
    }

    @Test
    void oneBrokenSourceMakesThePartialRowAndTheOthersStillStoreFindings() {
        serveFixtures();
        vault.networkOn();
        server.route("/search", exchange -> LoopbackServer.respond(exchange, 502, "text/html", "<h1>Bad gateway</h1>"));

        service.run(Trigger.ON_DEMAND, "openai");

        SearchLogEntry row = service.searchLog("openai", 1).get(0);
        assertEquals(RunStatus.PARTIAL, row.status());
        assertTrue(row.errorMessageRedacted().contains("HTTP 502"), row.errorMessageRedacted());
        assertEquals(row.findingsGenerated(), all().size());
        assertTrue(all().size() > 0);
    }

    @Test
    void hostilePageTextIsStoredAsCappedPlainTextAndNothingInItIsFollowed() {
        vault.networkOn();
        server.serveFixture("/changelog.xml", RSS, "hostile-rss.xml");
        String longText = "Pricing note. " + "very long words ".repeat(500);
        server.serve("/search", JSON, "{\"results\": [{\"url\": \"https://news.example/long\", \"title\": \"<b>Long"
                + " pricing story</b>\", \"content\": \"" + longText + "\"}]}");

        service.run(Trigger.ON_DEMAND, "openai");

        List<StoredFinding> stored = all();
        assertFalse(stored.isEmpty());
        for (StoredFinding f : stored) {
            for (String text : List.of(f.sourceTitle(), f.sourceSnippet(), f.impactSummary(),
                    f.actionRecommendation())) {
                assertFalse(text.contains("<script") || text.contains("<img") || text.contains("<iframe"), text);
                assertFalse(text.chars().anyMatch(ch -> ch < 0x20), "control characters in " + text);
            }
            assertTrue(f.sourceSnippet().length() <= PlainText.SNIPPET_MAX);
            assertTrue(f.sourceTitle().length() <= PlainText.TITLE_MAX);
            assertTrue(f.sourceUrl().startsWith("https://"), f.sourceUrl());
        }
        for (String bait : List.of("/exfiltrate", "/steal", "/beacon.gif", "/follow-me", "/frame", "/style-beacon")) {
            assertEquals(0, server.hits(bait), bait);
        }
        assertTrue(stored.stream().noneMatch(f -> f.urgency() == Urgency.CRITICAL),
                "a title asking to be marked critical is just words");
    }

    @Test
    void markingRecordsStatusNotesAndReviewTime() {
        serveFixtures();
        vault.networkOn();
        service.run(Trigger.ON_DEMAND, "openai");
        StoredFinding first = all().get(0);
        clock.advance(Duration.ofMinutes(5));

        StoredFinding reviewed = service.mark(first.id().substring(0, 8), FindingStatus.REVIEWED,
                "Checked with the team; key " + CANARY_KEY + " is not affected");

        assertEquals(FindingStatus.REVIEWED, reviewed.userStatus());
        assertEquals(MutableClock.TEST_NOW.plus(Duration.ofMinutes(5)), reviewed.reviewedAt());
        assertTrue(reviewed.userNotes().startsWith("Checked with the team"), reviewed.userNotes());
        assertFalse(reviewed.userNotes().contains(CANARY_KEY), "notes pass the redactor");

        clock.advance(Duration.ofMinutes(5));
        StoredFinding actioned = service.mark(first.id(), FindingStatus.ACTIONED, null);
        assertEquals(reviewed.userNotes(), actioned.userNotes(), "no notes given keeps the earlier ones");
        assertEquals(MutableClock.TEST_NOW.plus(Duration.ofMinutes(10)), actioned.reviewedAt());

        StoredFinding again = service.mark(first.id(), FindingStatus.NEW, "look again");
        assertNull(again.reviewedAt());
        assertEquals("look again", again.userNotes());
        assertEquals(10, service.unreadCount());
        assertThrows(NotFoundException.class, () -> service.mark("ffffffff-0000", FindingStatus.DISMISSED, null));
        assertThrows(NotFoundException.class, () -> service.mark("x'; DROP TABLE", FindingStatus.DISMISSED, null));
    }

    @Test
    void inboxIsMostUrgentFirstThenNewestAndPagesWithoutGapsOrRepeats() {
        serveFixtures();
        vault.networkOn();
        service.run(Trigger.ON_DEMAND, "openai");
        List<StoredFinding> everything = all();

        Comparator<StoredFinding> inboxOrder = Comparator.comparing(StoredFinding::urgency).reversed()
                .thenComparing(StoredFinding::discoveredAt, Comparator.reverseOrder())
                .thenComparing(StoredFinding::id, Comparator.reverseOrder());
        assertEquals(everything.stream().sorted(inboxOrder).toList(), everything);
        assertTrue(everything.get(0).urgency().compareTo(everything.get(everything.size() - 1).urgency()) > 0);

        List<String> paged = new ArrayList<>();
        FindingQuery query = FindingQuery.all().withLimit(3);
        Optional<FindingCursor> next;
        do {
            FindingPage page = service.inbox(query);
            page.findings().forEach(f -> paged.add(f.id()));
            next = page.next();
            query = next.map(query::after).orElse(query);
        } while (next.isPresent());
        assertEquals(everything.stream().map(StoredFinding::id).toList(), paged);
    }

    @Test
    void inboxFiltersByStatusUrgencyAndProvider() {
        serveFixtures();
        vault.networkOn();
        service.run(Trigger.ON_DEMAND, "openai");
        StoredFinding dismissed = all().get(1);
        service.mark(dismissed.id(), FindingStatus.DISMISSED, null);

        List<StoredFinding> urgent = service.inbox(new FindingQuery(Set.of(), Set.of(Urgency.ACTION_NEEDED), null,
                null, 100)).findings();
        List<StoredFinding> stillNew = service.inbox(FindingQuery.unread().withLimit(100)).findings();
        List<StoredFinding> gone = service.inbox(new FindingQuery(Set.of(FindingStatus.DISMISSED), Set.of(), "openai",
                null, 100)).findings();
        List<StoredFinding> otherProvider = service.inbox(new FindingQuery(Set.of(), Set.of(), "anthropic", null,
                100)).findings();

        assertFalse(urgent.isEmpty());
        assertTrue(urgent.stream().allMatch(f -> f.urgency() == Urgency.ACTION_NEEDED));
        assertEquals(9, stillNew.size());
        assertEquals(9, service.unreadCount());
        assertEquals(List.of(dismissed.id()), gone.stream().map(StoredFinding::id).toList());
        assertEquals(List.of(), otherProvider);
    }

    @Test
    void urgentNewFindingsAreAlertedOnceMostUrgentFirst() {
        serveFixtures();
        vault.networkOn();

        DiscoveryOutcome outcome = service.run(Trigger.ON_DEMAND, "openai");

        List<StoredFinding> expected = outcome.newFindings().stream()
                .filter(f -> f.urgency().compareTo(Urgency.ACTION_NEEDED) >= 0).toList();
        assertFalse(expected.isEmpty());
        assertEquals(1, alerts.size());
        assertEquals(Set.copyOf(expected), Set.copyOf(alerts.get(0)));
        assertTrue(alerts.get(0).stream().allMatch(f -> f.urgency().compareTo(Urgency.ACTION_NEEDED) >= 0));
    }

    @Test
    void noSecretValueReachesAStoredTextOrAFileBesideTheVault() {
        serveFixtures();
        vault.networkOn();
        server.route("/search", exchange -> LoopbackServer.respond(exchange, 500, "text/plain", CANARY_KEY));
        service.run(Trigger.ON_DEMAND, "openai");

        for (String column : List.of("source_title", "source_snippet", "impact_summary", "action_recommendation",
                "relevance_reason")) {
            for (String value : vault.column("discovery_findings", column)) {
                assertFalse(value.contains(CANARY_KEY) || value.contains(CANARY_PLAIN), column + ": " + value);
            }
        }
        for (String error : vault.column("discovery_search_log", "error_message_redacted")) {
            assertFalse(error != null && (error.contains(CANARY_KEY) || error.contains(CANARY_PLAIN)), error);
        }
        assertEquals(List.of(), vault.filesContaining(CANARY_KEY));
        assertEquals(List.of(), vault.filesContaining(CANARY_PLAIN));
    }
}
