package dev.keyward.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.dashboard.refresh.RefreshTiming;
import dev.keyward.automation.dashboard.service.DashboardConfig;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.practice.ApiFault;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.practice.PracticeState;
import dev.keyward.automation.retention.GeneratedSnapshots;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jobs on a real vault: unlock runs, and background writers beside a user who writes at the same time. */
class BackgroundJobsWithTheVaultTest {

    @TempDir
    Path dir;
    private DiscoveryService discovery;

    private static DashboardService dashboard(TestVault vault, SettableClock clock) {
        return new DashboardService(vault.session(), DashboardConfig.defaults()
                .withTiming(new RefreshTiming(clock, duration -> { }, () -> 0.0))
                .withRefresh(RefreshSettings.defaults().withRequestTimeout(Duration.ofSeconds(5))));
    }

    /** The dashboard refresh and retention as the job catalog lists them, retention deleting {@code batch} rows at a time. */
    private void registerRefreshAndRetention(SessionScheduler scheduler, TestVault vault, SettableClock clock, int batch) {
        discovery = new DiscoveryService(vault.session());
        JobCatalog catalog = new JobCatalog(vault.session(), dashboard(vault, clock), discovery,
                new RetentionJob(vault.session(), clock, batch), ZoneOffset.UTC);
        for (JobName job : List.of(JobName.DASHBOARD_REFRESH, JobName.RETENTION)) {
            JobCatalog.Entry entry = catalog.entry(job);
            scheduler.register(job, entry.work(), entry.policy(), entry.atUnlock());
        }
    }

    @AfterEach
    void closeDiscovery() {
        if (discovery != null) {
            discovery.close();
        }
    }

    @Test
    void unlockRunsTheMissedRefreshAndRetentionAndRecordsBoth() throws Exception {
        SettableClock clock = SettableClock.at("2026-03-10T12:00:00Z");
        try (TestVault vault = TestVault.create(dir, clock);
             PracticeCloud cloud = PracticeCloud.start(0, new PracticeState(clock))) {
            vault.setApiBaseUrl("practice-cloud", cloud.baseUrl());
            vault.addSecret("pc-main", KeyLedger.DEFAULT_SEEDED_VALUE, null);
            try (SessionScheduler scheduler = new SessionScheduler(vault.session(), clock, Duration.ofHours(1))) {
                registerRefreshAndRetention(scheduler, vault, clock, 500);

                Map<String, JobResult> ran = scheduler.start().stream()
                        .map(f -> f.orTimeout(60, TimeUnit.SECONDS).join())
                        .collect(Collectors.toMap(r -> r.job().dbValue(), r -> r));

                assertEquals(JobStatus.SUCCESS, ran.get("dashboard_refresh").status());
                assertEquals(JobStatus.SUCCESS, ran.get("retention").status());
                assertEquals(JobTrigger.LAUNCH_CATCHUP, ran.get("dashboard_refresh").trigger());
                assertEquals(1, vault.count("SELECT count(*) FROM dashboard_snapshots"));
                assertEquals(Instant.parse("2026-03-10T13:00:00Z"), ran.get("dashboard_refresh").nextRunAt());
                assertEquals(2, vault.count("SELECT count(*) FROM scheduled_jobs WHERE last_status = 'success'"));

                cloud.state().apiFaults().forceNext(3, ApiFault.serverError());
                JobResult failing = scheduler.refreshNow().orTimeout(60, TimeUnit.SECONDS).join();
                assertEquals(JobStatus.FAILED, failing.status(), "every key failed");
                assertTrue(failing.error().contains("1 of 1 keys failed"), failing.error());
            }
        }
    }

    @Test
    void refreshAndRetentionRunWhileTheUserWritesAndNoBusyErrorSurfaces() throws Exception {
        SettableClock clock = SettableClock.at("2026-03-10T12:00:00Z");
        try (TestVault vault = TestVault.create(dir, clock);
             PracticeCloud cloud = PracticeCloud.start(0, new PracticeState(clock))) {
            vault.setApiBaseUrl("practice-cloud", cloud.baseUrl());
            List<String> keys = GeneratedSnapshots.keys(vault.session(), "pc", 40, "practice-cloud");
            for (int i = 0; i < 40; i++) {
                cloud.state().keys().seed("k" + i, String.format(java.util.Locale.ROOT, "pc-generated-key-value-%06d", i));
            }
            GeneratedSnapshots.snapshots(vault.session(), keys, 60, clock.instant(), Duration.ofMinutes(30), 7);
            try (SessionScheduler scheduler = new SessionScheduler(vault.session(), clock, Duration.ofHours(1))) {
                registerRefreshAndRetention(scheduler, vault, clock, 50);
                scheduler.start();
                List<CompletableFuture<?>> background = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    background.add(scheduler.refreshNow());
                    background.add(scheduler.runNow(dev.keyward.vault.jobs.JobName.RETENTION));
                    // The user adds keys, renames one and changes settings at the same time, on this thread.
                    for (int i = 0; i < 15; i++) {
                        vault.addSecret("user-" + round + "-" + i, "user-added-value-" + round + "-" + i, null);
                    }
                    vault.session().secrets().edit("user-" + round + "-0", "renamed-" + round, null);
                    vault.session().settings().set("clipboard_clear_seconds", Integer.toString(20 + round));
                    CompletableFuture.allOf(background.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                }
                for (CompletableFuture<?> run : background) {
                    JobResult result = (JobResult) run.get();
                    if (result.ran()) {
                        assertTrue(result.status() == JobStatus.SUCCESS || result.status() == JobStatus.PARTIAL,
                                result.job() + ": " + result.status() + " " + result.error());
                    }
                }
                assertEquals(45, vault.count("SELECT count(*) FROM secrets WHERE name LIKE 'user-%' OR name LIKE 'renamed-%'"));
                assertEquals(0, vault.count("SELECT count(*) FROM scheduled_jobs WHERE last_status = 'failed'"));
                assertTrue(vault.count("SELECT count(*) FROM dashboard_snapshots") >= 40);
            }
        }
    }
}
