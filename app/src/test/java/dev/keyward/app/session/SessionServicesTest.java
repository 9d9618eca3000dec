package dev.keyward.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobState;
import dev.keyward.vault.jobs.JobStatus;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One unlocked session's services: shared by every caller, and closed with the session. */
class SessionServicesTest {

    @TempDir
    Path dataDir;
    private VaultSession session;

    @BeforeEach
    void unlock() {
        ProfileService profiles = DesktopTestKit.profiles(dataDir);
        session = DesktopTestKit.open(profiles, DesktopTestKit.createProfile(profiles, "work"));
    }

    @AfterEach
    void lock() {
        session.close();
    }

    @Test
    void closingEndsTheThreadsOfEveryHttpClientTheServicesMade() throws Exception {
        Set<Thread> before = httpClientThreads();
        SessionServices services = SessionServices.open(session, dataDir);
        services.referenceLibrary(); // the download client is made on first use
        services.discovery(); // and discovery with its fetcher
        Set<Thread> made = httpClientThreads();
        made.removeAll(before);
        // The reference library's download client and discovery's fetcher each run a selector.
        assertTrue(made.size() >= 2, "selector threads made: " + made);

        services.close();

        for (Thread t : made) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " is still running after the services closed");
        }
        assertThrows(IllegalStateException.class, services::referenceLibrary);
    }

    @Test
    void runsIncidentNoticeReadsItsQueryWithoutStartingAnyHttpClient() {
        Set<Thread> before = httpClientThreads();
        try (SessionServices services = SessionServices.open(session, dataDir)) {
            session.enableAutomation();
            assertEquals(java.util.List.of(), services.dashboard().incidents("app"));
            Set<Thread> made = httpClientThreads();
            made.removeAll(before);
            assertEquals(Set.of(), made, "an HTTP client (TLS set-up and a selector thread) was built for a read");
        }
    }

    @Test
    void openingTheServicesLeavesAutomationOff() {
        try (SessionServices services = SessionServices.open(session, dataDir)) {
            assertFalse(session.automationEnabled(), "building the services turned automation on");
        }
    }

    @Test
    void everyCallerGetsTheSameServiceInstances() {
        try (SessionServices services = SessionServices.open(session, dataDir)) {
            assertSame(services.dashboard(), services.dashboard());
            assertSame(services.discovery(), services.discovery());
            assertSame(services.scripts(), services.scripts());
            assertSame(services.runHistory(), services.runHistory());
            assertSame(services.recommendations(), services.recommendations());
            assertSame(services.retention(), services.retention());
            assertSame(services.jobs(), services.jobs());
            assertSame(services.referenceLibrary(), services.referenceLibrary());
            assertTrue(services.isFor(session));
        }
    }

    @Test
    void programGenerationNeverCreatesTheReferenceLibrary() {
        try (SessionServices services = SessionServices.open(session, dataDir)) {
            session.enableAutomation();
            services.generateProgram(new dev.keyward.automation.generate.GenerationRequest("openai",
                    dev.keyward.automation.generate.GenerationRequest.taskType("api_key_management"),
                    "Create an API key named ci"), true);
            assertFalse(Files.exists(dataDir.resolve("reference_library")), "generation made a reference library");
        }
    }

    @Test
    void theJobCatalogRunsAJobByNameAndRecordsIt() {
        try (SessionServices services = SessionServices.open(session, dataDir)) {
            JobResult result = services.jobs().runNow(JobName.RETENTION);

            assertTrue(result.ran());
            assertEquals(JobStatus.SUCCESS, result.status());
            JobState state = session.jobs().state(JobName.RETENTION).orElseThrow();
            assertEquals(1, state.runCount());
            assertEquals(result.nextRunAt().truncatedTo(ChronoUnit.MILLIS), state.nextRunAt().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    private static Set<Thread> httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.isAlive())
                .collect(Collectors.toSet());
    }
}
