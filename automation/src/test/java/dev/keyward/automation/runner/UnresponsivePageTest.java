package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.browser.ChromiumProcesses;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.automation.scripts.AutomationScript;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page that stops answering (a busy loop) or crashes ends its run in bounded time with a typed error recorded in
 * the run's row, and no Chromium process of the run is left. Each test has a JUnit limit: before the runner's
 * watchdog, the first one waited for its page without end.
 */
@RequiresChromium
class UnresponsivePageTest {

    @TempDir
    static Path root;
    private static RunnerFixture fx;

    @BeforeAll
    static void openVaultAndBrowser() {
        fx = new RunnerFixture(root, "unresponsive-practice-password");
        fx.session.settings().set("automation_max_retries", "0");
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    private static String program(String title, String steps) {
        return """
                {"format": "keyward.step-program", "format_version": 1, "title": "%s",
                 "provider": "practice-cloud", "task_type": "custom", "allowed_domains": ["127.0.0.1"],
                 "inputs": {"base_url": {"description": "site"}},
                 "steps": [%s]}
                """.formatted(title, steps);
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBusyLoopAfterTheLastStepClosesTheRunsOwnBrowserAndEndsAsStoppedResponding() throws IOException {
        try (RecordingServer site = new RecordingServer()) {
            site.page("/start", """
                    <!doctype html><title>canary-spin</title>
                    <button id="go" onclick="setTimeout(() => { for (;;) {} }, 0)">Continue</button>
                    """);
            AutomationScript script = fx.importJson(program("Spins after the click", """
                    {"id": "open", "type": "goto", "url": "{{input:base_url}}/start"},
                    {"id": "act", "type": "click", "selector": "#go", "timeout_ms": 1000}
                    """));
            fx.scripts.approve(script.id());
            Set<Long> before = ChromiumProcesses.launchedBrowsers();
            Set<Long> runBrowsers = new TreeSet<>();
            RunObserver watching = new RunObserver() {
                @Override
                public void stepStarted(int index, String stepId, String type) {
                    Set<Long> now = ChromiumProcesses.launchedBrowsers();
                    now.removeAll(before);
                    runBrowsers.addAll(now);
                }
            };
            // No browser lent: the run starts its own, and the watchdog closes that one.
            RunResult result = fx.runner.run(script.id(), RunOptions.defaults(Map.of("base_url", site.base())),
                    ScriptedGate.approvingAll(), watching);

            assertEquals(ExecutionStatus.FAILURE, result.status(), result.error());
            PageStop stop = assertInstanceOf(PageStop.class, result.stoppedBy(), result.error());
            assertEquals(AutomationErrorKind.PAGE_STOPPED_RESPONDING, stop.kind());
            assertEquals("act", stop.stepId());
            assertTrue(result.error().contains("step 'act'") && result.error().contains("stopped responding"),
                    result.error());
            assertFalse(result.error().contains("canary"), result.error());
            ExecutionRecord row = fx.execution(result.executionId());
            assertEquals(result.error(), row.errorMessageRedacted());
            assertEquals("page_stopped_responding", fx.summary(result.executionId()).path("stopped").path("kind").asText());
            assertFalse(row.resultSummaryJson().contains("canary"), row.resultSummaryJson());

            assertEquals(1, runBrowsers.size(), "the run started one browser of its own: " + runBrowsers);
            long browser = runBrowsers.iterator().next();
            Set<Long> left = ChromiumProcesses.awaitGroupGone(browser, Duration.ofSeconds(10));
            assertEquals(Set.of(), left, "Chromium processes outlived the run: "
                    + left.stream().map(ChromiumProcesses::commandLine).toList());
        }
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPersonTakingLongerThanTheStepsLimitIsNotAPageThatStoppedResponding() throws IOException {
        try (RecordingServer site = new RecordingServer()) {
            site.page("/start", "<!doctype html><title>plan</title><button id=\"ok\" onclick=\"this.textContent='done'\">OK</button>");
            // The click is gated by the program; the person answers after more than the attempt's limit (3 x 1.5 s
            // + 5 s): the page answered all along, so the run goes on.
            AutomationScript script = fx.importJson(program("A slow person", """
                    {"id": "open", "type": "goto", "url": "{{input:base_url}}/start"},
                    {"id": "act", "type": "click", "selector": "#ok", "timeout_ms": 1500, "gate": "billing"}
                    """));
            fx.scripts.approve(script.id());
            long limitMs = RunWatchdog.attemptLimit(1500).toMillis();
            CheckpointGate slowPerson = request -> CompletableFuture.supplyAsync(() -> CheckpointDecision.approve("fine"),
                    CompletableFuture.delayedExecutor(limitMs + 2_000, TimeUnit.MILLISECONDS));
            fx.relaunchIfClosed();
            RunResult result = fx.run(script, RunOptions.defaults(Map.of("base_url", site.base())), slowPerson);

            assertEquals(ExecutionStatus.SUCCESS, result.status(), result.error());
            assertEquals(null, result.stoppedBy());
            assertTrue(fx.browser.isConnected(), "the lent browser is still open");
        }
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRendererThatCrashesEndsTheRunAsCrashed() throws IOException {
        try (RecordingServer site = new RecordingServer()) {
            site.page("/start", "<!doctype html><title>canary-crash</title><p>waiting</p>");
            AutomationScript script = fx.importJson(program("The renderer dies", """
                    {"id": "open", "type": "goto", "url": "{{input:base_url}}/start"},
                    {"id": "wait", "type": "wait_for", "selector": "#never", "timeout_ms": 20000}
                    """));
            fx.scripts.approve(script.id());
            fx.relaunchIfClosed();
            long browser = fx.browser.process().orElseThrow().pid();
            RunObserver killer = new RunObserver() {
                @Override
                public void stepStarted(int index, String stepId, String type) {
                    if (stepId.equals("wait")) {
                        // What an out-of-memory renderer looks like to the browser: its process ends.
                        Thread.startVirtualThread(() -> {
                            sleep(500);
                            ChromiumProcesses.group(browser).stream()
                                    .filter(pid -> ChromiumProcesses.commandLine(pid).contains("--type=renderer"))
                                    .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                        });
                    }
                }
            };
            RunResult result = fx.runner.run(script.id(), RunOptions.defaults(Map.of("base_url", site.base())),
                    ScriptedGate.approvingAll(), killer, fx.browser);

            assertEquals(ExecutionStatus.FAILURE, result.status(), result.error());
            PageStop stop = assertInstanceOf(PageStop.class, result.stoppedBy(), result.error());
            assertEquals(AutomationErrorKind.PAGE_CRASHED, stop.kind());
            assertEquals("wait", stop.stepId());
            assertEquals(Set.of(), ChromiumProcesses.awaitGroupGone(browser, Duration.ofSeconds(10)));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
