package dev.keyward.app.ui.jobs;

import dev.keyward.app.session.SessionServices;
import static dev.keyward.app.ui.jobs.PracticeProfile.CANARY;
import static dev.keyward.app.ui.jobs.PracticeProfile.await;
import static dev.keyward.app.ui.jobs.PracticeProfile.runCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.tray.Notification;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.practice.UsageFigures;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobState;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's background jobs on a real profile, against Practice Cloud on loopback, without a window. */
class BackgroundJobsTest {

    @TempDir
    Path dataDir;
    private PracticeCloud cloud;
    private VaultSession session;
    private final NotificationRecorder recorder = new NotificationRecorder();
    private BackgroundJobs jobs;
    private SessionServices services;

    @BeforeEach
    void setUp() throws Exception {
        cloud = PracticeCloud.start(0);
        ProfileService profiles = DesktopTestKit.profiles(dataDir);
        session = DesktopTestKit.open(profiles, DesktopTestKit.createProfile(profiles, "work"));
    }

    @AfterEach
    void tearDown() {
        if (jobs != null) {
            jobs.close();
        }
        if (services != null) {
            services.close();
        }
        session.close();
        cloud.close();
    }

    private BackgroundJobs start() {
        if (services == null) {
            services = SessionServices.open(session, dataDir);
        }
        jobs = BackgroundJobs.start(services, recorder, JobsConfig.forDesktop().withTick(Duration.ofMillis(200))
                .withUiThread(Runnable::run));
        return jobs;
    }

    /** Plans the dashboard refresh and discovery for later, so that starting runs neither at once. */
    private void nothingMissed() {
        java.time.Instant later = session.clock().instant().plus(Duration.ofHours(6));
        session.jobs().scheduleNext(JobName.DASHBOARD_REFRESH, later);
        session.jobs().scheduleNext(JobName.DISCOVERY, later);
    }

    @Test
    void startingRunsRetentionAtOnceAndPlansTheRest() {
        PracticeProfile.pointAt(session, cloud);
        start();

        await("retention ran at unlock", () -> session.jobs().state(JobName.RETENTION)
                .map(JobState::lastFinishedAt).isPresent());
        await("discovery caught up (it never ran)", () -> runCount(session, JobName.DISCOVERY) == 1);
        await("the dashboard caught up (it never ran)", () -> runCount(session, JobName.DASHBOARD_REFRESH) == 1);
        assertEquals(1, runCount(session, JobName.RETENTION));
        assertTrue(jobs.nextRunAt(JobName.DASHBOARD_REFRESH).isPresent());
        assertTrue(jobs.nextRunAt(JobName.DISCOVERY).isPresent());
        assertEquals("skipped", session.jobs().state(JobName.DISCOVERY).orElseThrow().lastStatus(),
                "discovery network access is off by default, so nothing was contacted");
    }

    @Test
    void withoutAutomationOnlyRetentionRunsAndTheTraySaysThereIsNothingToRefresh() throws Exception {
        start();

        Notification reply = jobs.refreshFromTray().get(30, TimeUnit.SECONDS);

        assertEquals("Nothing to refresh", reply.title());
        assertTrue(reply.text().contains("does not use automation"), reply.text());
        assertFalse(session.automationEnabled(), "refreshing must not turn automation on by itself");
        assertTrue(jobs.nextRunAt(JobName.DASHBOARD_REFRESH).isEmpty());
        assertEquals(List.of(reply), recorder.posted());
    }

    @Test
    void trayRefreshStoresASnapshotAndSaysSoWithoutTheKey() throws Exception {
        PracticeProfile.pointAt(session, cloud);
        PracticeProfile.addAcceptedCanary(session, cloud);
        nothingMissed();
        start();
        List<JobResult> heard = new CopyOnWriteArrayList<>();
        jobs.onFinished(JobName.DASHBOARD_REFRESH, heard::add);

        Notification reply = jobs.refreshFromTray().get(30, TimeUnit.SECONDS);

        assertEquals(Notification.info("Dashboard refreshed", "1 key checked."), reply);
        DashboardCard card = new DashboardService(session).overview().get(0);
        assertTrue(card.collected());
        assertEquals("valid", card.health());
        assertEquals(1, heard.size());
        assertTrue(heard.get(0).ran());
        assertFalse(recorder.anyContains(CANARY));
    }

    @Test
    void aKeyThatCrossesTheUsageLevelOrIsRefusedIsToldOnce() throws Exception {
        PracticeProfile.pointAt(session, cloud);
        PracticeProfile.addAcceptedCanary(session, cloud);
        session.secrets().add("pc-old", "pc_live_CANARYrefused0123456789abcdef".toCharArray(), "practice-cloud");
        cloud.state().setUsage(new UsageFigures(91_000, 100_000, new BigDecimal("80.00"), "USD", "Builder",
                "eu-west-1", 600));
        nothingMissed();
        start();

        jobs.refreshFromTray().get(30, TimeUnit.SECONDS);
        jobs.refreshFromTray().get(30, TimeUnit.SECONDS);

        assertEquals(1, recorder.titled("Key refused: pc-old").size(), recorder.posted().toString());
        assertEquals(1, recorder.titled("High usage: pc-main").size(), recorder.posted().toString());
        assertTrue(recorder.titled("High usage: pc-main").get(0).text().contains("91%"));
        assertFalse(recorder.anyContains("CANARY"), recorder.posted().toString());
    }

    @Test
    void aCriticalFindingPostsOneNotificationWithoutTheKey() throws Exception {
        PracticeProfile.pointAt(session, cloud);
        PracticeProfile.addAcceptedCanary(session, cloud);
        session.settings().set("discovery_network_enabled", "true");
        nothingMissed();
        start();

        JobResult result = jobs.runNow(JobName.DISCOVERY).get(60, TimeUnit.SECONDS);

        assertTrue(result.ran());
        List<Notification> findings = recorder.posted();
        assertEquals(1, findings.size(), findings.toString());
        Notification told = findings.get(0);
        assertEquals(Notification.Urgency.ATTENTION, told.urgency());
        assertTrue(told.title().contains("findings need you") || told.title().startsWith("Critical"), told.title());
        assertTrue(told.text().contains("Security advisory: rotate keys"), told.text());
        assertFalse(recorder.anyContains(CANARY));
    }

    @Test
    void afterCloseNothingRunsAnyMore() throws Exception {
        PracticeProfile.pointAt(session, cloud);
        start();
        await("retention ran at unlock", () -> runCount(session, JobName.RETENTION) == 1);
        await("discovery caught up", () -> runCount(session, JobName.DISCOVERY) == 1);

        jobs.close();
        JobResult refused = jobs.runNow(JobName.RETENTION).get(5, TimeUnit.SECONDS);
        session.jobs().scheduleNext(JobName.RETENTION, session.clock().instant().minusSeconds(60));
        Thread.sleep(1_000); // five ticks of the closed scheduler

        assertFalse(refused.ran());
        assertEquals(1, runCount(session, JobName.RETENTION));
        assertEquals(1, runCount(session, JobName.DISCOVERY));
    }

    @Test
    void automationTurnedOnMidSessionIsScheduledWithoutAnyButton() {
        nothingMissed();
        start();
        assertTrue(jobs.nextRunAt(JobName.DASHBOARD_REFRESH).isEmpty());

        session.enableAutomation();

        await("the dashboard refresh is planned", () -> jobs.nextRunAt(JobName.DASHBOARD_REFRESH).isPresent());
        await("discovery is planned", () -> jobs.nextRunAt(JobName.DISCOVERY).isPresent());
    }

    @Test
    void aProfileThatTurnsAutomationOnMidSessionGetsItsRefreshOnDemand() throws Exception {
        start();
        // Enabled while retention may still be writing at unlock: the migration waits for the session's writers.
        PracticeProfile.pointAt(session, cloud);
        PracticeProfile.addAcceptedCanary(session, cloud);

        JobResult result = jobs.runNow(JobName.DASHBOARD_REFRESH).get(30, TimeUnit.SECONDS);

        assertTrue(result.ran());
        assertEquals(1, runCount(session, JobName.DASHBOARD_REFRESH));
        assertTrue(jobs.nextRunAt(JobName.DISCOVERY).isPresent(), "discovery is planned for its hour");
        assertEquals(0, runCount(session, JobName.DISCOVERY), "registered mid-session, it waits for its hour");
    }
}
