package dev.keyward.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobRuns;
import dev.keyward.vault.jobs.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listeners hear every run that ran, whoever started it, and nothing that was skipped; and discovery's hour. */
class SessionSchedulerListenerTest {

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at("2026-03-10T21:30:00Z");
    private TestVault vault;
    private SessionScheduler scheduler;

    @BeforeEach
    void setUp() {
        vault = TestVault.create(dir, clock);
        scheduler = new SessionScheduler(vault.session(), clock, Duration.ofHours(1));
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        vault.close();
    }

    @Test
    void listenersHearEveryRunThatRanAndNoSkippedOne() throws Exception {
        List<JobResult> heard = new CopyOnWriteArrayList<>();
        scheduler.register(JobName.RETENTION, () -> { }, NextRunPolicy.every(Duration.ofDays(1)), UnlockRule.ALWAYS);
        AutoCloseable handle = scheduler.onFinished(heard::add);

        for (var run : scheduler.start()) {
            run.get();
        }
        scheduler.runNow(JobName.RETENTION).get();
        Optional<JobRuns.Run> elsewhere = vault.session().jobs().begin(JobName.RETENTION, "on_demand");
        JobResult skipped = scheduler.runNow(JobName.RETENTION).get();
        elsewhere.orElseThrow().close();
        handle.close();
        scheduler.runNow(JobName.RETENTION).get();

        assertFalse(skipped.ran());
        assertEquals(List.of(JobTrigger.LAUNCH_CATCHUP, JobTrigger.ON_DEMAND), heard.stream().map(JobResult::trigger).toList());
        assertTrue(heard.stream().allMatch(r -> r.ran() && r.status() == JobStatus.SUCCESS));
    }

    @Test
    void discoveryIsPlannedForItsHourReadFromTheSettings() {
        vault.session().settings().set("discovery_schedule_hour", "4");
        DiscoverySchedulePolicy policy = new DiscoverySchedulePolicy(() -> vault.session().settings().current(),
                ZoneOffset.UTC);

        assertEquals(Instant.parse("2026-03-11T04:00:00Z"), policy.nextAfter(clock.instant()));
        vault.session().settings().set("discovery_schedule_hour", "23");
        assertEquals(Instant.parse("2026-03-10T23:00:00Z"), policy.nextAfter(clock.instant()));
        assertEquals(NextRunPolicy.dailyAt(LocalTime.of(23, 0), ZoneOffset.UTC).nextAfter(clock.instant()),
                policy.nextAfter(clock.instant()));
    }
}
