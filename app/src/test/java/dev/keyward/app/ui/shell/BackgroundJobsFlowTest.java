package dev.keyward.app.ui.shell;

import dev.keyward.app.session.SessionServices;
import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static dev.keyward.app.ui.jobs.PracticeProfile.CANARY;
import static dev.keyward.app.ui.jobs.PracticeProfile.await;
import static dev.keyward.app.ui.jobs.PracticeProfile.runCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.jobs.BackgroundJobs;
import dev.keyward.app.ui.jobs.JobsConfig;
import dev.keyward.app.ui.jobs.NotificationRecorder;
import dev.keyward.app.ui.jobs.PracticeProfile;
import dev.keyward.app.ui.tray.Notification;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The real desktop shell with its session's background jobs against Practice Cloud on loopback:
 * unlock starts them, the tray refreshes, Lock keeps them, Lock and stop ends them, and what the
 * user is told never holds a key.
 */
@DesktopTest
class BackgroundJobsFlowTest {

    @TempDir
    Path dataDir;
    private ProfileService profiles;
    private ProfileSummary profile;
    private PracticeCloud cloud;
    private final RecordingTray tray = new RecordingTray();
    private final NotificationRecorder recorder = new NotificationRecorder();
    private DesktopShell shell;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        cloud = PracticeCloud.start(0);
        profiles = DesktopTestKit.profiles(dataDir);
        profile = DesktopTestKit.createProfile(profiles, "work");
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            PracticeProfile.pointAt(s, cloud);
            PracticeProfile.addAcceptedCanary(s, cloud);
            s.settings().set("discovery_network_enabled", "true");
            // The dashboard is not due at unlock, so the tray's refresh below is the only one; discovery never ran.
            s.jobs().scheduleNext(JobName.DASHBOARD_REFRESH, s.clock().instant().plus(Duration.ofHours(6)));
        }
        JobsConfig config = JobsConfig.forDesktop().withTick(Duration.ofMillis(200));
        shell = new DesktopShell(stage, DesktopTestKit.services(profiles, dataDir, new DesktopTestKit.QueuedFiles(), null)
                .withTray(tray), (services, notifier) -> BackgroundJobs.start(services, n -> {
                    recorder.post(n);
                    notifier.post(n);
                }, config));
        shell.start();
    }

    @AfterEach
    void closeShell() {
        onFx(() -> {
            shell.close();
            return null;
        });
        cloud.close();
    }

    private void unlock(FxRobot robot) {
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());
        robot.clickOn("#unlock-password").write(DesktopTestKit.PASSWORD).type(KeyCode.ENTER);
        waitUntil("the main window shows", () -> robot.lookup("#main-view").tryQuery().isPresent());
    }

    private void trayRefreshNow() {
        onFx(() -> {
            tray.actions().refreshNow().run();
            return null;
        });
    }

    private void assertNoCanaryAnywhere() {
        assertFalse(recorder.anyContains(CANARY), recorder.posted().toString());
        assertFalse(DesktopTestKit.allVisibleText().contains(CANARY));
        assertFalse(onFx(stage::getTitle).contains(CANARY));
        assertFalse(tray.statusLine().contains(CANARY));
    }

    @Test
    void unlockStartsTheJobsAndTheTrayRefreshStoresASnapshot(FxRobot robot) {
        unlock(robot);
        VaultSession session = onFx(shell::session);

        await("retention ran at unlock", () -> runCount(session, JobName.RETENTION) == 1);
        await("discovery caught up at unlock", () -> runCount(session, JobName.DISCOVERY) == 1);
        await("the finding notice arrived", () -> !recorder.posted().isEmpty());
        List<Notification> findings = recorder.posted();
        assertEquals(1, findings.size(), "one notice for the run's urgent findings: " + findings);
        assertEquals(Notification.Urgency.ATTENTION, findings.get(0).urgency());
        assertTrue(findings.get(0).text().contains("Security advisory: rotate keys"), findings.get(0).text());
        waitUntil("the banner shows it", () -> robot.lookup("#banner").queryLabeled().getText()
                .contains("Security advisory"));

        trayRefreshNow();

        await("the tray's refresh was answered", () -> !recorder.titled("Dashboard refreshed").isEmpty());
        assertEquals("1 key checked.", recorder.titled("Dashboard refreshed").get(0).text());
        assertEquals(1, runCount(session, JobName.DASHBOARD_REFRESH));
        assertTrue(new DashboardService(session).overview().get(0).collected(), "a snapshot was stored");
        assertNoCanaryAnywhere();
    }

    @Test
    void lockKeepsTheJobsRunningAndLockAndStopEndsThem(FxRobot robot) throws Exception {
        unlock(robot);
        VaultSession session = onFx(shell::session);
        BackgroundJobs jobs = onFx(shell::jobs);
        await("retention ran at unlock", () -> runCount(session, JobName.RETENTION) == 1);

        onFx(() -> {
            shell.lock();
            return null;
        });
        assertEquals(LockState.LOCKED, onFx(shell::state));
        assertSame(jobs, onFx(shell::jobs), "Lock keeps the session's jobs");
        trayRefreshNow();
        await("the locked window's jobs refreshed", () -> runCount(session, JobName.DASHBOARD_REFRESH) == 1);

        onFx(() -> {
            shell.lockAndStop();
            return null;
        });
        assertEquals(LockState.STOPPED, onFx(shell::state));
        assertNull(onFx(shell::jobs));
        await("the session closed after its jobs", () -> !session.isOpen());
        JobResult refused = jobs.runNow(JobName.RETENTION).get(5, TimeUnit.SECONDS);
        assertFalse(refused.ran());
        trayRefreshNow();
        await("the tray asks to unlock first", () -> !recorder.posted().isEmpty()
                && onFx(() -> robot.lookup("#banner").queryLabeled().getText().startsWith("Unlock first")));
        assertTrue(onFx(stage::isShowing), "the window came forward");

        try (VaultSession after = DesktopTestKit.open(profiles, profile)) {
            int dashboardRuns = runCount(after, JobName.DASHBOARD_REFRESH);
            int retentionRuns = runCount(after, JobName.RETENTION);
            Thread.sleep(1_000); // five ticks of the stopped scheduler, had it survived
            assertEquals(dashboardRuns, runCount(after, JobName.DASHBOARD_REFRESH));
            assertEquals(retentionRuns, runCount(after, JobName.RETENTION));
            assertEquals(1, dashboardRuns);
        }
        assertNotNull(tray.actions());
        assertNoCanaryAnywhere();
    }
}
