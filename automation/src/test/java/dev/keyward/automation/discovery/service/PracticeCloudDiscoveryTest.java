package dev.keyward.automation.discovery.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.discovery.CheckPace;
import dev.keyward.automation.discovery.MutableClock;
import dev.keyward.automation.discovery.RunStatus;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.feeds.SourceKind;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.SearchLogEntry;
import dev.keyward.automation.discovery.StoredFinding;
import dev.keyward.automation.jobs.JobCatalog;
import dev.keyward.automation.jobs.JobOutcome;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.practice.PracticeState;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.vault.jobs.JobName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery end to end against Practice Cloud's Statuspage-style status API and Atom changelog. */
class PracticeCloudDiscoveryTest {

    private static final String PRACTICE_KEY = "pc_live_CANARYpractice0123456789ab";

    @TempDir
    Path folder;
    private final MutableClock clock = MutableClock.atTestNow();
    private final List<StoredFinding> alerted = new CopyOnWriteArrayList<>();
    private PracticeCloud cloud;
    private TestVault vault;
    private DiscoveryService service;
    private JobCatalog catalog;

    @BeforeEach
    void setUp() throws Exception {
        cloud = PracticeCloud.start(0, new PracticeState(clock));
        vault = TestVault.create(folder, clock);
        vault.addSecret("practice-live", PRACTICE_KEY, "practice-cloud");
        vault.point("practice-cloud", cloud.baseUrl() + "/status", cloud.baseUrl() + "/changelog.atom");
        vault.watchOnly("practice-cloud");
        vault.networkOn();
        service = new DiscoveryService(vault.session(), DiscoveryOptions.defaults(), alerted::addAll);
        catalog = new JobCatalog(vault.session(), new DashboardService(vault.session()), service,
                new RetentionJob(vault.session()), ZoneOffset.UTC);
    }

    /** A discovery run at the scheduled pace through the job catalog, as {@code keyward discovery run} makes one. */
    private Optional<DiscoveryOutcome> run(Trigger trigger, String providerSlug) {
        return catalog.runNow(JobName.DISCOVERY, () -> service.run(trigger, providerSlug, CheckPace.PACED),
                outcome -> new JobOutcome(outcome.jobStatus(), outcome.jobError()));
    }

    @AfterEach
    void tearDown() {
        service.close();
        vault.close();
        cloud.close();
    }

    private StoredFinding titled(List<StoredFinding> findings, String start) {
        return findings.stream().filter(f -> f.sourceTitle().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding titled " + start + " in " + findings));
    }

    @Test
    void practiceCloudStatusAndChangelogBecomeStoredFindings() {
        DiscoveryOutcome outcome = run(Trigger.ON_DEMAND, "practice-cloud").orElseThrow();

        SearchLogEntry row = service.searchLog("practice-cloud", 1).get(0);
        assertEquals(RunStatus.SUCCESS, row.status());
        assertEquals(3, row.queriesExecuted(), "summary, incidents and the changelog feed");
        List<StoredFinding> found = service.inbox(FindingQuery.all()).findings();
        assertEquals(outcome.newFindings().size(), found.size());
        assertEquals(6, found.size(), found.toString());

        StoredFinding advisory = titled(found, "Security advisory: rotate keys");
        assertEquals(FindingCategory.SECURITY_ADVISORY, advisory.category());
        assertEquals(Urgency.CRITICAL, advisory.urgency(), "the user holds a Practice Cloud key");
        assertEquals(advisory, found.get(0), "the inbox starts with the most urgent finding");
        StoredFinding deprecation = titled(found, "Deprecation: practice-legacy-1 shuts down");
        assertEquals(FindingCategory.DEPRECATION, deprecation.category());
        assertEquals(FindingCategory.PRICING_UPDATE, titled(found, "Pricing change for practice-large-2").category());
        assertEquals(SourceKind.STATUS_MAINTENANCE, titled(found, "Database maintenance").sourceKind());
        assertEquals(Urgency.INFORMATIONAL, titled(found, "Elevated API error rates").urgency(), "it was resolved");
        assertTrue(found.stream().allMatch(f -> f.sourceUrl().startsWith(cloud.baseUrl())));
        assertEquals(List.of(advisory.id()), alerted.stream().map(StoredFinding::id).toList());
        assertEquals("success", vault.session().jobs().state(dev.keyward.vault.jobs.JobName.DISCOVERY)
                .orElseThrow().lastStatus());
    }

    @Test
    void laterRunsReportOnlyWhatPracticeCloudAddedSince() {
        run(Trigger.ON_DEMAND, "practice-cloud");
        cloud.state().statusBoard().openIncident("API unavailable in all regions", "major",
                "Requests to the API fail with 503.", "API");
        cloud.state().changelog().publish("New model practice-small-3 now available", "feature",
                "practice-small-3 is faster and cheaper than practice-small-2.");
        clock.advance(Duration.ofHours(2));
        alerted.clear();

        DiscoveryOutcome second = run(Trigger.SCHEDULED, null).orElseThrow();
        clock.advance(Duration.ofHours(2));
        DiscoveryOutcome third = run(Trigger.SCHEDULED, null).orElseThrow();

        assertEquals(List.of("API unavailable in all regions", "New model practice-small-3 now available"),
                second.newFindings().stream().map(StoredFinding::sourceTitle).sorted().toList());
        StoredFinding outage = titled(second.newFindings(), "API unavailable");
        assertEquals(Urgency.ACTION_NEEDED, outage.urgency());
        assertEquals(List.of(outage.id()), alerted.stream().map(StoredFinding::id).toList());
        assertEquals(List.of(), third.newFindings());
        assertEquals(8, service.inbox(FindingQuery.all()).findings().size());
        assertEquals(3, service.searchLog("practice-cloud", 10).size());
    }
}
