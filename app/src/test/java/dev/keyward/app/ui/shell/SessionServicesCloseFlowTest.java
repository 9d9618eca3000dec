package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.session.SessionServices;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.jobs.BackgroundJobs;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.session.VaultSession;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The real shell's lock, lock-and-stop and quit against the session's services: Lock keeps them (background
 * jobs go on), Lock and stop and quit close them: the jobs stop, then the HTTP clients' threads end, then the
 * session closes.
 */
class SessionServicesCloseFlowTest extends ShellTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        DesktopTestKit.createProfile(profiles, "work");
    }

    /** What one unlock started: its services, jobs, and the threads of its HTTP clients and scheduler. */
    private record Unlocked(VaultSession session, SessionServices services, BackgroundJobs jobs, Set<Thread> threads) {
    }

    private Unlocked unlockAndWatch(FxRobot robot) {
        Set<Thread> before = threads();
        unlock(robot);
        VaultSession session = onFx(shell::session);
        waitUntil("the jobs started", () -> onFx(shell::jobs) != null);
        SessionServices services = onFx(shell::sessionServices);
        assertNotNull(services);
        assertTrue(services.isFor(session));
        Set<Thread> made = threads();
        made.removeAll(before);
        made.removeIf(t -> !t.getName().startsWith("HttpClient-") && !t.getName().startsWith("keyward-jobs"));
        long httpThreads = made.stream().filter(t -> t.getName().startsWith("HttpClient-")).count();
        // Discovery's fetcher runs a selector thread (the jobs build discovery); the provider API client is
        // built at its first request.
        assertTrue(httpThreads >= 1, "HTTP client threads made at unlock: " + made);
        assertTrue(made.stream().anyMatch(t -> t.getName().startsWith("keyward-jobs-")), "scheduler threads: " + made);
        return new Unlocked(session, services, onFx(shell::jobs), made);
    }

    private static void assertClosed(Unlocked unlocked) throws Exception {
        waitUntil("the session closed", () -> !unlocked.session().isOpen());
        assertTrue(unlocked.services().isClosed(), "the session's services were not closed");
        assertThrows(IllegalStateException.class, unlocked.services()::referenceLibrary);
        JobResult refused = unlocked.jobs().runNow(JobName.RETENTION).get(5, TimeUnit.SECONDS);
        assertFalse(refused.ran(), "the stopped jobs still ran a job");
        for (Thread t : unlocked.threads()) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " is still running after the session stopped");
        }
    }

    @Test
    void lockKeepsTheServicesAndLockAndStopClosesThemWithTheirHttpClientsAndJobs(FxRobot robot) throws Exception {
        Unlocked unlocked = unlockAndWatch(robot);

        onFx(() -> {
            shell.lock();
            return null;
        });
        assertEquals(LockState.LOCKED, onFx(shell::state));
        assertSame(unlocked.services(), onFx(shell::sessionServices), "Lock keeps the session's services");
        assertFalse(unlocked.services().isClosed());
        assertTrue(unlocked.threads().stream().allMatch(Thread::isAlive), "Lock stopped a thread of the session");

        onFx(() -> {
            shell.lockAndStop();
            return null;
        });
        assertEquals(LockState.STOPPED, onFx(shell::state));
        assertNull(onFx(shell::sessionServices));
        assertClosed(unlocked);
    }

    @Test
    void quittingClosesTheServicesWithTheirHttpClientsAndJobs(FxRobot robot) throws Exception {
        Unlocked unlocked = unlockAndWatch(robot);

        // Quit is close() followed by Platform.exit(), which would end the toolkit the other tests share.
        onFx(() -> {
            shell.close();
            return null;
        });

        assertClosed(unlocked);
    }

    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }
}
