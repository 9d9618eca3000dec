package dev.keyward.automation.discovery.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.discovery.CheckPace;
import dev.keyward.automation.discovery.LoopbackServer;
import dev.keyward.automation.discovery.MutableClock;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.SearchLogEntry;
import dev.keyward.automation.jobs.DiscoverySchedulePolicy;
import dev.keyward.automation.jobs.JobCatalog;
import dev.keyward.automation.jobs.JobOutcome;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.jobs.JobTrigger;
import dev.keyward.automation.jobs.SessionScheduler;
import dev.keyward.automation.jobs.UnlockRule;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobRuns;
import dev.keyward.vault.jobs.JobState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery as a job of the job catalog: schedule arithmetic, catch-up at unlock, no overlap, and its record
 * in scheduled_jobs.
 */
class DiscoveryJobTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path folder;
    private final MutableClock clock = MutableClock.atTestNow();
    private LoopbackServer server;
    private TestVault vault;
    private DiscoveryService service;
    private JobCatalog catalog;

    @BeforeEach
    void setUp() {
        server = LoopbackServer.start();
        server.serveFixture("/changelog.xml", "application/rss+xml", "changelog-rss.xml");
        vault = TestVault.create(folder, clock);
        vault.point("openai", null, server.base() + "/changelog.xml");
        vault.watchOnly("openai");
        vault.set("discovery_schedule_hour", "3");
        service = new DiscoveryService(vault.session());
        catalog = new JobCatalog(vault.session(), new DashboardService(vault.session()), service,
                new RetentionJob(vault.session()), ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        service.close();
        vault.close();
        server.close();
    }

    private JobState state() {
        return vault.session().jobs().state(JobName.DISCOVERY).orElseThrow();
    }

    /** A scheduler over the catalog's discovery entry, as the desktop registers it at unlock. */
    private SessionScheduler scheduler(UnlockRule atUnlock) {
        SessionScheduler scheduler = new SessionScheduler(vault.session(), clock, Duration.ofHours(1));
        JobCatalog.Entry entry = catalog.entry(JobName.DISCOVERY);
        scheduler.register(JobName.DISCOVERY, entry.work(), entry.policy(), atUnlock);
        return scheduler;
    }

    private static List<JobResult> joined(List<CompletableFuture<JobResult>> runs) {
        return runs.stream().map(f -> f.orTimeout(60, TimeUnit.SECONDS).join()).toList();
    }

    @Test
    void nextRunIsTheScheduledHourLaterTodayOrElseTomorrow() {
        Instant morning = Instant.parse("2026-05-01T02:59:59Z");
        Instant onTheHour = Instant.parse("2026-05-01T03:00:00Z");

        assertEquals(onTheHour, DiscoverySchedulePolicy.nextRunAfter(morning, ZoneOffset.UTC, 3));
        assertEquals(Instant.parse("2026-05-02T03:00:00Z"), DiscoverySchedulePolicy.nextRunAfter(onTheHour, ZoneOffset.UTC, 3));
        assertEquals(Instant.parse("2026-05-01T01:00:00Z"),
                DiscoverySchedulePolicy.nextRunAfter(Instant.parse("2026-04-30T23:30:00Z"), BERLIN, 3), "03:00 CEST is 01:00 UTC");
        assertThrows(IllegalArgumentException.class, () -> DiscoverySchedulePolicy.nextRunAfter(morning, ZoneOffset.UTC, 24));
    }

    @Test
    void scheduleFollowsLocalTimeAcrossDaylightSavingChanges() {
        // 29 March 2026: Berlin skips from 02:00 to 03:00; a 02:00 run happens at 03:00 CEST.
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"),
                DiscoverySchedulePolicy.nextRunAfter(Instant.parse("2026-03-28T12:00:00Z"), BERLIN, 2));
        // 25 October 2026: clocks go back; 04:00 local is 03:00 UTC after the change, 02:00 UTC the day before.
        assertEquals(Instant.parse("2026-10-24T02:00:00Z"),
                DiscoverySchedulePolicy.nextRunAfter(Instant.parse("2026-10-23T12:00:00Z"), BERLIN, 4));
        assertEquals(Instant.parse("2026-10-25T03:00:00Z"),
                DiscoverySchedulePolicy.nextRunAfter(Instant.parse("2026-10-24T12:00:00Z"), BERLIN, 4));
    }

    @Test
    void scheduledRunIsRecordedWithItsOutcomeAndTheNextRunTime() {
        vault.networkOn();
        vault.session().jobs().scheduleNext(JobName.DISCOVERY, clock.instant()); // due now

        try (SessionScheduler scheduler = scheduler(UnlockRule.NEVER)) {
            assertEquals(List.of(), scheduler.start());
            joined(scheduler.runDueJobs());
        }

        JobState state = state();
        assertEquals("success", state.lastStatus(), state.lastErrorRedacted());
        assertEquals(MutableClock.TEST_NOW, state.lastStartedAt());
        assertEquals(Instant.parse("2026-05-02T03:00:00Z"), state.nextRunAt());
        assertEquals(1, state.runCount());
        assertEquals(Trigger.SCHEDULED, service.searchLog(null, 1).get(0).trigger());
        List<AuditEntry> audit = vault.session().database().read(c -> vault.session().audit().page(c, "job", null, 10));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("run")), audit.toString());
    }

    @Test
    void runWithNetworkOffIsRecordedAsSkipped() {
        catalog.runNow(JobName.DISCOVERY);

        assertEquals("skipped", state().lastStatus());
        assertTrue(state().lastErrorRedacted().contains("network access is off"), state().lastErrorRedacted());
        assertEquals(0, server.totalHits());
    }

    @Test
    void runWhoseSourcesAllFailIsRecordedAsFailed() {
        vault.networkOn();
        server.route("/changelog.xml", exchange -> LoopbackServer.respond(exchange, 500, "text/plain", "down"));

        catalog.runNow(JobName.DISCOVERY);

        assertEquals("failed", state().lastStatus());
        assertTrue(state().lastErrorRedacted().contains("failed sources"), state().lastErrorRedacted());
    }

    @Test
    void catchUpRunsAtUnlockWhenTheScheduledHourPassedWhileTheAppWasClosed() {
        vault.networkOn();
        try (SessionScheduler first = scheduler(UnlockRule.IF_MISSED)) {
            List<JobResult> ran = joined(first.start());
            assertEquals(1, ran.size(), "a profile that never ran discovery catches up");
            assertEquals(JobTrigger.LAUNCH_CATCHUP, ran.get(0).trigger());
        }

        clock.advance(Duration.ofHours(17)); // 02:00 the next day: the next 03:00 has not come yet
        try (SessionScheduler second = scheduler(UnlockRule.IF_MISSED)) {
            assertEquals(List.of(), second.start(), "ran at 09:00, after today's 03:00");
        }
        assertEquals(Instant.parse("2026-05-02T03:00:00Z"), state().nextRunAt());

        clock.advance(Duration.ofHours(6)); // 08:00: the app was closed at 03:00
        try (SessionScheduler third = scheduler(UnlockRule.IF_MISSED)) {
            List<JobResult> caughtUp = joined(third.start());

            assertEquals(1, caughtUp.size());
            SearchLogEntry row = service.searchLog("openai", 1).get(0);
            assertEquals(Trigger.LAUNCH_CATCHUP, row.trigger());
            assertEquals(clock.instant(), row.searchedAt());
        }
    }

    @Test
    void aRunIsNotStartedWhileAnotherIsUnderWay() throws Exception {
        vault.networkOn();
        Optional<JobRuns.Run> other = vault.session().jobs().begin(JobName.DISCOVERY, "scheduled");
        assertTrue(other.isPresent());
        AtomicReference<Optional<DiscoveryOutcome>> second = new AtomicReference<>();
        // JobRuns guards with a lock per job; a second caller on another thread must be turned away.
        Thread t = new Thread(() -> second.set(catalog.runNow(JobName.DISCOVERY,
                () -> service.run(Trigger.ON_DEMAND, null, CheckPace.PACED),
                outcome -> new JobOutcome(outcome.jobStatus(), outcome.jobError()))));
        t.start();
        t.join();
        other.get().finish(dev.keyward.vault.jobs.JobStatus.SUCCESS, null, null);

        assertEquals(Optional.empty(), second.get());
        assertEquals(0, server.totalHits());
    }

    @Test
    void checkNowAsAJobIsAFreshCheckWhileScheduledRunsKeepTheHourlyLimit() throws Exception {
        vault.networkOn();
        dev.keyward.automation.jobs.JobWork work = dev.keyward.automation.jobs.StandardJobs.discoveryWork(service);
        work.run(dev.keyward.automation.jobs.JobTrigger.SCHEDULED);
        clock.advance(java.time.Duration.ofMinutes(5));

        work.run(dev.keyward.automation.jobs.JobTrigger.SCHEDULED);
        assertEquals(1, server.hits("/changelog.xml"), "a scheduled run within the hour is skipped");

        work.run(dev.keyward.automation.jobs.JobTrigger.ON_DEMAND);
        assertEquals(2, server.hits("/changelog.xml"), "Check now gets a fresh check");
    }
}
