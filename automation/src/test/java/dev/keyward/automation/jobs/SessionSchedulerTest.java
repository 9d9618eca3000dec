package dev.keyward.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobRuns;
import dev.keyward.vault.jobs.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session scheduler with an injected clock: quiet hours across midnight, catch-up, no overlap, bookkeeping. */
class SessionSchedulerTest {

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at("2026-03-10T21:30:00Z");
    private TestVault vault;
    private SessionScheduler scheduler;
    private final List<JobTrigger> triggers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        vault = TestVault.create(dir, clock);
        vault.session().settings().set("dashboard_refresh_interval_seconds", "3600");
        vault.session().settings().set("dashboard_quiet_hours_start", "22");
        vault.session().settings().set("dashboard_quiet_hours_end", "6");
        // A long tick: the tests call runDueJobs() themselves, at the times they set.
        scheduler = new SessionScheduler(vault.session(), clock, Duration.ofHours(1));
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        vault.close();
    }

    private void registerCountingDashboardJob() {
        scheduler.register(JobName.DASHBOARD_REFRESH, trigger -> {
            triggers.add(trigger);
            return JobOutcome.success();
        }, new DashboardRefreshPolicy(() -> vault.session().settings().current(), ZoneOffset.UTC, clock), UnlockRule.IF_MISSED);
    }

    private static List<JobResult> finished(List<CompletableFuture<JobResult>> runs) {
        return runs.stream().map(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).toList();
    }

    private Instant storedNextRun(JobName job) {
        return vault.session().jobs().state(job).orElseThrow().nextRunAt();
    }

    @Test
    void quietHoursAcrossMidnightHoldBackScheduledRunsButNotARequestedOne() {
        registerCountingDashboardJob();

        List<JobResult> atUnlock = finished(scheduler.start());

        assertEquals(1, atUnlock.size(), "never ran, so it runs at unlock (21:30 is before the quiet hours)");
        assertEquals(JobTrigger.LAUNCH_CATCHUP, atUnlock.get(0).trigger());
        Instant sixNextMorning = Instant.parse("2026-03-11T06:00:00Z");
        assertEquals(sixNextMorning, atUnlock.get(0).nextRunAt(), "22:30 falls in the quiet hours: moved to their end");
        assertEquals(sixNextMorning, storedNextRun(JobName.DASHBOARD_REFRESH));

        clock.set(Instant.parse("2026-03-10T23:30:00Z"));
        assertEquals(List.of(), scheduler.runDueJobs());
        clock.set(Instant.parse("2026-03-11T02:00:00Z"));
        assertEquals(List.of(), scheduler.runDueJobs());

        JobResult requested = scheduler.refreshNow().orTimeout(30, TimeUnit.SECONDS).join();
        assertTrue(requested.ran(), "a user's refresh runs inside the quiet hours");
        assertEquals(sixNextMorning, requested.nextRunAt());

        clock.set(Instant.parse("2026-03-11T05:59:59Z"));
        assertEquals(List.of(), scheduler.runDueJobs());
        clock.set(sixNextMorning);
        List<JobResult> morning = finished(scheduler.runDueJobs());
        assertEquals(1, morning.size());
        assertEquals(Instant.parse("2026-03-11T07:00:00Z"), morning.get(0).nextRunAt());
        assertEquals(List.of(JobTrigger.LAUNCH_CATCHUP, JobTrigger.ON_DEMAND, JobTrigger.SCHEDULED), triggers);
    }

    @Test
    void aRunDueInsideTheQuietHoursIsMovedToTheirEndWithoutRunning() {
        registerCountingDashboardJob();
        vault.session().jobs().scheduleNext(JobName.DASHBOARD_REFRESH, Instant.parse("2026-03-10T23:00:00Z"));
        scheduler.start();
        clock.set(Instant.parse("2026-03-10T23:15:00Z"));

        assertEquals(List.of(), scheduler.runDueJobs());

        assertEquals(List.of(), triggers);
        assertEquals(Optional.of(Instant.parse("2026-03-11T06:00:00Z")), scheduler.nextRunAt(JobName.DASHBOARD_REFRESH));
        assertEquals(Instant.parse("2026-03-11T06:00:00Z"), storedNextRun(JobName.DASHBOARD_REFRESH));
    }

    @Test
    void aMissedRunIsCaughtUpAtUnlockButWaitsForTheEndOfQuietHours() {
        registerCountingDashboardJob();
        vault.session().jobs().scheduleNext(JobName.DASHBOARD_REFRESH, Instant.parse("2026-03-10T20:00:00Z"));
        clock.set(Instant.parse("2026-03-11T01:00:00Z"));

        assertEquals(List.of(), scheduler.start(), "missed, but unlocked inside the quiet hours");

        assertEquals(Instant.parse("2026-03-11T06:00:00Z"), storedNextRun(JobName.DASHBOARD_REFRESH));
        clock.set(Instant.parse("2026-03-11T06:00:00Z"));
        assertEquals(1, finished(scheduler.runDueJobs()).size());
        assertEquals(List.of(JobTrigger.SCHEDULED), triggers);
    }

    @Test
    void unlockRunsAMissedJobOnceAndLeavesAPlannedOneAlone() {
        registerCountingDashboardJob();
        vault.session().jobs().scheduleNext(JobName.DASHBOARD_REFRESH, Instant.parse("2026-03-10T21:00:00Z"));

        List<JobResult> caughtUp = finished(scheduler.start());

        assertEquals(List.of(JobTrigger.LAUNCH_CATCHUP), triggers);
        assertEquals(1, caughtUp.size());
        scheduler.close();

        SessionScheduler next = new SessionScheduler(vault.session(), clock, Duration.ofHours(1));
        try {
            next.register(JobName.DASHBOARD_REFRESH, trigger -> {
                triggers.add(trigger);
                return JobOutcome.success();
            }, NextRunPolicy.every(Duration.ofHours(1)), UnlockRule.IF_MISSED);
            assertEquals(List.of(), next.start(), "next_run_at is still ahead: no catch-up");
            assertEquals(Optional.of(caughtUp.get(0).nextRunAt()), next.nextRunAt(JobName.DASHBOARD_REFRESH));
        } finally {
            next.close();
        }
    }

    @Test
    void aJobThatAlwaysRunsAtUnlockRunsAtEveryUnlockAndDaily() {
        AtomicInteger runs = new AtomicInteger();
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        scheduler.register(JobName.RETENTION, runs::incrementAndGet, NextRunPolicy.every(Duration.ofDays(1)), UnlockRule.ALWAYS);
        finished(scheduler.start());
        scheduler.close();
        SessionScheduler again = new SessionScheduler(vault.session(), clock, Duration.ofHours(1));
        try {
            again.register(JobName.RETENTION, runs::incrementAndGet, NextRunPolicy.every(Duration.ofDays(1)), UnlockRule.ALWAYS);
            finished(again.start());
            assertEquals(2, runs.get(), "one run per unlock");
            assertEquals(Instant.parse("2026-03-11T10:00:00Z"), storedNextRun(JobName.RETENTION));
            clock.set(Instant.parse("2026-03-11T10:00:00Z"));
            finished(again.runDueJobs());
            assertEquals(3, runs.get(), "and daily");
        } finally {
            again.close();
        }
    }

    @Test
    void aJobNeverOverlapsItself() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler.register(JobName.DASHBOARD_REFRESH, trigger -> {
            started.countDown();
            release.await();
            return JobOutcome.success();
        }, NextRunPolicy.every(Duration.ofHours(1)), UnlockRule.NEVER);
        scheduler.start();

        CompletableFuture<JobResult> first = scheduler.refreshNow();
        assertTrue(started.await(30, TimeUnit.SECONDS));
        JobResult second = scheduler.refreshNow().orTimeout(30, TimeUnit.SECONDS).join();
        assertFalse(second.ran(), "a second request while the first runs is skipped");
        clock.set(Instant.parse("2026-03-12T00:00:00Z"));
        assertEquals(List.of(), scheduler.runDueJobs(), "a due scheduled run is not queued behind the running one");
        release.countDown();
        assertTrue(first.orTimeout(30, TimeUnit.SECONDS).join().ran());

        // The same session's job lock also keeps out a run the CLI started on another thread.
        Optional<JobRuns.Run> held = vault.session().jobs().begin(JobName.DASHBOARD_REFRESH, "on_demand");
        try {
            assertTrue(held.isPresent());
            CompletableFuture<JobResult> blocked = CompletableFuture.supplyAsync(
                    () -> scheduler.refreshNow().orTimeout(30, TimeUnit.SECONDS).join());
            assertFalse(blocked.get(30, TimeUnit.SECONDS).ran());
        } finally {
            held.get().finish(JobStatus.SUCCESS, null, null);
        }
    }

    @Test
    void everyRunIsRecordedInScheduledJobsAndTheAuditLogWithARedactedError() {
        String canary = "canary-secret-value-for-the-job-error-91";
        vault.addSecret("canary", canary, null);
        AtomicInteger calls = new AtomicInteger();
        scheduler.register(JobName.DASHBOARD_REFRESH, trigger -> {
            if (calls.incrementAndGet() == 2) {
                throw new OperationFailedException("The provider said " + canary + " was wrong.");
            }
            return JobOutcome.success();
        }, NextRunPolicy.every(Duration.ofHours(1)), UnlockRule.NEVER);
        scheduler.start();

        JobResult ok = scheduler.refreshNow().orTimeout(30, TimeUnit.SECONDS).join();
        JobResult failed = scheduler.refreshNow().orTimeout(30, TimeUnit.SECONDS).join();

        assertEquals(JobStatus.SUCCESS, ok.status());
        assertEquals(JobStatus.FAILED, failed.status());
        Map<String, Object> row = vault.rows("SELECT * FROM scheduled_jobs WHERE job_name = 'dashboard_refresh'").get(0);
        assertEquals(2L, ((Number) row.get("run_count")).longValue());
        assertEquals("failed", row.get("last_status"));
        assertEquals("The provider said [REDACTED] was wrong.", row.get("last_error_redacted"));
        assertEquals("2026-03-10T22:30:00.000000Z", row.get("next_run_at"));
        assertEquals(2, vault.count("SELECT count(*) FROM audit_log WHERE category = 'job' AND action = 'run'"
                + " AND details_json LIKE '%on_demand%'"));
        assertFalse(vault.rows("SELECT * FROM scheduled_jobs").toString().contains(canary));
        assertFalse(vault.rows("SELECT * FROM audit_log").toString().contains(canary));
        assertFalse(failed.error().contains(canary), "the result handed to the caller is redacted too");
    }

    @Test
    void closingStopsARunningJobWhichRecordsItselfAsStopped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        scheduler.register(JobName.RETENTION, trigger -> {
            started.countDown();
            new CountDownLatch(1).await();
            return JobOutcome.success();
        }, NextRunPolicy.every(Duration.ofDays(1)), UnlockRule.NEVER);
        scheduler.start();
        CompletableFuture<JobResult> run = scheduler.runNow(JobName.RETENTION);
        assertTrue(started.await(30, TimeUnit.SECONDS));

        scheduler.close();

        JobResult result = run.get(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("stopped"), result.error());
        assertEquals("failed", vault.rows("SELECT last_status FROM scheduled_jobs WHERE job_name = 'retention'")
                .get(0).get("last_status"));
        assertFalse(scheduler.runNow(JobName.RETENTION).join().ran(), "a closed scheduler runs nothing");
    }

    @Test
    void theClockIsCheckedEveryTickWithoutAnyoneAsking() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (SessionScheduler ticking = new SessionScheduler(vault.session(), clock, Duration.ofMillis(20))) {
            ticking.register(JobName.RETENTION, runs::incrementAndGet, NextRunPolicy.every(Duration.ofDays(1)), UnlockRule.NEVER);
            ticking.start();
            Thread.sleep(200);
            assertEquals(0, runs.get(), "not due yet");
            clock.advance(Duration.ofDays(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (runs.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, runs.get(), "the tick found the due job");
        }
    }

    @Test
    void aJobRegisteredAfterStartIsPlannedAtOnce() {
        scheduler.start();
        AtomicInteger runs = new AtomicInteger();
        scheduler.register(JobName.DISCOVERY, runs::incrementAndGet,
                NextRunPolicy.dailyAt(java.time.LocalTime.of(3, 0), ZoneOffset.UTC), UnlockRule.NEVER);
        assertEquals(Optional.of(Instant.parse("2026-03-11T03:00:00Z")), scheduler.nextRunAt(JobName.DISCOVERY));
        assertEquals(0, runs.get());
    }
}
