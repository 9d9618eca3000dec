package dev.keyward.automation.discovery.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.LoopbackServer;
import dev.keyward.automation.discovery.MutableClock;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.SearchLogEntry;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discovery job: schedule arithmetic, catch-up at launch, no overlap, and its record in scheduled_jobs. */
class DiscoveryJobTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path folder;
    private final MutableClock clock = MutableClock.atTestNow();
    private LoopbackServer server;
    private TestVault vault;
    private DiscoveryService service;
    private DiscoveryJob job;

    @BeforeEach
    void setUp() {
        server = LoopbackServer.start();
        server.serveFixture("/changelog.xml", "application/rss+xml", "changelog-rss.xml");
        vault = TestVault.create(folder, clock);
        vault.point("openai", null, server.base() + "/changelog.xml");
        vault.watchOnly("openai");
        vault.set("discovery_schedule_hour", "3");
        service = new DiscoveryService(vault.session());
        job = new DiscoveryJob(vault.session(), service, ZoneOffset.UTC);
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

    @Test
    void nextRunIsTheScheduledHourLaterTodayOrElseTomorrow() {
        Instant morning = Instant.parse("2026-05-01T02:59:59Z");
        Instant onTheHour = Instant.parse("2026-05-01T03:00:00Z");

        assertEquals(onTheHour, DiscoveryJob.nextRunAfter(morning, ZoneOffset.UTC, 3));
        assertEquals(Instant.parse("2026-05-02T03:00:00Z"), DiscoveryJob.nextRunAfter(onTheHour, ZoneOffset.UTC, 3));
        assertEquals(Instant.parse("2026-05-01T01:00:00Z"),
                DiscoveryJob.nextRunAfter(Instant.parse("2026-04-30T23:30:00Z"), BERLIN, 3), "03:00 CEST is 01:00 UTC");
        assertThrows(IllegalArgumentException.class, () -> DiscoveryJob.nextRunAfter(morning, ZoneOffset.UTC, 24));
    }

    @Test
    void scheduleFollowsLocalTimeAcrossDaylightSavingChanges() {
        // 29 March 2026: Berlin skips from 02:00 to 03:00; a 02:00 run happens at 03:00 CEST.
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"),
                DiscoveryJob.nextRunAfter(Instant.parse("2026-03-28T12:00:00Z"), BERLIN, 2));
        // 25 October 2026: clocks go back; 04:00 local is 03:00 UTC after the change, 02:00 UTC the day before.
        assertEquals(Instant.parse("2026-10-24T02:00:00Z"),
                DiscoveryJob.nextRunAfter(Instant.parse("2026-10-23T12:00:00Z"), BERLIN, 4));
        assertEquals(Instant.parse("2026-10-25T03:00:00Z"),
                DiscoveryJob.nextRunAfter(Instant.parse("2026-10-24T12:00:00Z"), BERLIN, 4));
    }

    @Test
    void lastScheduledHourIsTodaysOnceItHasPassedElseYesterdays() {
        assertEquals(Instant.parse("2026-04-30T03:00:00Z"),
                DiscoveryJob.lastScheduledAtOrBefore(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC, 3));
        assertEquals(Instant.parse("2026-05-01T03:00:00Z"),
                DiscoveryJob.lastScheduledAtOrBefore(Instant.parse("2026-05-01T03:00:00Z"), ZoneOffset.UTC, 3));
    }

    @Test
    void scheduledRunIsRecordedWithItsOutcomeAndTheNextRunTime() {
        vault.networkOn();

        job.run();

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
        job.runNow(Trigger.SCHEDULED);

        assertEquals("skipped", state().lastStatus());
        assertTrue(state().lastErrorRedacted().contains("network access is off"), state().lastErrorRedacted());
        assertEquals(0, server.totalHits());
    }

    @Test
    void runWhoseSourcesAllFailIsRecordedAsFailed() {
        vault.networkOn();
        server.route("/changelog.xml", exchange -> LoopbackServer.respond(exchange, 500, "text/plain", "down"));

        job.runNow(Trigger.ON_DEMAND);

        assertEquals("failed", state().lastStatus());
        assertTrue(state().lastErrorRedacted().contains("failed sources"), state().lastErrorRedacted());
    }

    @Test
    void catchUpRunsAtLaunchWhenTheLastRunIsOlderThanTheLastScheduledHour() {
        vault.networkOn();
        assertTrue(job.catchUpDue(clock.instant()), "a profile that never ran discovery catches up");
        job.runNow(Trigger.ON_DEMAND);
        assertFalse(job.catchUpDue(clock.instant()), "ran at 09:00, after today's 03:00");

        clock.advance(Duration.ofHours(17)); // 02:00 the next day: the next 03:00 has not come yet
        assertFalse(job.catchUpDue(clock.instant()));
        assertEquals(Optional.empty(), job.catchUpIfDue());
        assertEquals(Instant.parse("2026-05-02T03:00:00Z"), state().nextRunAt());

        clock.advance(Duration.ofHours(6)); // 08:00: the app was closed at 03:00
        Optional<DiscoveryOutcome> caughtUp = job.catchUpIfDue();

        assertTrue(caughtUp.isPresent());
        SearchLogEntry row = service.searchLog("openai", 1).get(0);
        assertEquals(Trigger.LAUNCH_CATCHUP, row.trigger());
        assertEquals(clock.instant(), row.searchedAt());
        assertFalse(job.catchUpDue(clock.instant()));
    }

    @Test
    void aRunIsNotStartedWhileAnotherIsUnderWay() throws Exception {
        vault.networkOn();
        Optional<JobRuns.Run> other = vault.session().jobs().begin(JobName.DISCOVERY, "scheduled");
        assertTrue(other.isPresent());
        AtomicReference<Optional<DiscoveryOutcome>> second = new AtomicReference<>();
        // JobRuns guards with a lock per job; a second caller on another thread must be turned away.
        Thread t = new Thread(() -> second.set(job.runNow(Trigger.ON_DEMAND)));
        t.start();
        t.join();
        other.get().finish(dev.keyward.vault.jobs.JobStatus.SUCCESS, null, null);

        assertEquals(Optional.empty(), second.get());
        assertEquals(0, server.totalHits());
    }

    @Test
    void unknownProviderIsATypoNotAFailedRun() {
        assertThrows(dev.keyward.vault.NotFoundException.class, () -> job.runNow(Trigger.ON_DEMAND, "nope"));
        assertTrue(vault.session().jobs().state(JobName.DISCOVERY).isEmpty());
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
