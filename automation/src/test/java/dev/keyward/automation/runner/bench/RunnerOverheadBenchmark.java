package dev.keyward.automation.runner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.SocketHold;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.runner.CheckpointDecision;
import dev.keyward.automation.runner.ExecutionStatus;
import dev.keyward.automation.runner.ProgramRunner;
import dev.keyward.automation.runner.RunObserver;
import dev.keyward.automation.runner.RunOptions;
import dev.keyward.automation.runner.RunResult;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.automation.scripts.TestVault;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's overhead per step: the sample "read the usage dashboard" (10 steps) run by {@link ProgramRunner}
 * against the same flow written directly in Playwright Java, on one Chromium, interleaved, in one JVM. Off by
 * default; run with
 * {@code mvn -B -o -pl automation -am test -Dtest=RunnerOverheadBenchmark -Dkeyward.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * and read automation/target/runner-benchmark.txt.
 */
@Tag("bench")
@RequiresChromium
@EnabledIfSystemProperty(named = "keyward.bench", matches = "true")
class RunnerOverheadBenchmark {

    private static final int WARMUP = 3;
    private static final int ROUNDS = 15;
    private static final int STEPS = 10;

    @TempDir
    Path root;

    @Test
    void runnerAgainstDirectPlaywright() throws Exception {
        try (VaultSession session = TestVault.open(root);
             PracticeCloud cloud = PracticeCloud.start(0);
             LaunchedBrowser browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false)) {
            session.secrets().add("practice-cloud-password", "practice-password".toCharArray(), "practice-cloud");
            ScriptService scripts = new ScriptService(session);
            Path dir = Path.of("").toAbsolutePath();
            while (!Files.isDirectory(dir.resolve("samples/programs"))) {
                dir = dir.getParent();
            }
            AutomationScript script = scripts.importProgram(
                    Files.readString(dir.resolve("samples/programs/read-usage-dashboard.json")), null).script();
            scripts.approve(script.id());
            ProgramRunner runner = new ProgramRunner(session, new BrowserLauncher(ChromiumLocator.forProcess()));
            RunOptions options = RunOptions.defaults(Map.of("base_url", cloud.baseUrl()));

            List<Long> viaRunner = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            List<Long> routed = new ArrayList<>();
            for (int round = 0; round < WARMUP + ROUNDS; round++) {
                long t0 = System.nanoTime();
                RunResult result = runner.run(script.id(), options,
                        // Signing in is an account checkpoint (a password form); nothing else is asked.
                        r -> CompletableFuture.completedFuture(r.type() == CheckpointType.ACCOUNT
                                ? CheckpointDecision.approve("benchmark signs in")
                                : CheckpointDecision.reject("benchmark asks nothing else")),
                        RunObserver.NONE, browser);
                long t1 = System.nanoTime();
                assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
                String requests = directFlow(browser, cloud.baseUrl(), false);
                long t2 = System.nanoTime();
                assertEquals(result.outputs().get("requests"), requests);
                directFlow(browser, cloud.baseUrl(), true);
                long t3 = System.nanoTime();
                if (round >= WARMUP) {
                    viaRunner.add(t1 - t0);
                    direct.add(t2 - t1);
                    routed.add(t3 - t2);
                }
            }
            double runnerMs = median(viaRunner) / 1e6;
            double directMs = median(direct) / 1e6;
            double routedMs = median(routed) / 1e6;
            String report = String.format("""
                    Browser runner overhead (read-usage-dashboard, %d steps, %d rounds after %d warm-up, medians)
                      runner run:          %.1f ms  (%.1f ms per step)
                      direct Playwright:   %.1f ms  (%.1f ms per step)
                      direct, gate routing: %.1f ms  (%.1f ms per step)
                      overhead per step:   %.1f ms  (of which the gate's routing and socket hold: %.1f ms)
                      ratio runner/direct: %.2f
                      ratio routed/direct: %.2f
                    """, STEPS, ROUNDS, WARMUP, runnerMs, runnerMs / STEPS, directMs, directMs / STEPS, routedMs,
                    routedMs / STEPS, (runnerMs - directMs) / STEPS, (routedMs - directMs) / STEPS, runnerMs / directMs,
                    routedMs / directMs);
            System.out.println(report);
            Files.writeString(Path.of("target/runner-benchmark.txt"), report);
        }
    }

    /**
     * The same ten steps, hand-written: what the runner would cost if it added nothing; {@code gated} puts the
     * network gate's walls in front (the routing of every request, the context's proxy, the socket hold), without
     * the runner's recording, inspection or checkpoints.
     */
    private static String directFlow(LaunchedBrowser browser, String baseUrl, boolean gated) {
        List<String> hosts = List.of(java.net.URI.create(baseUrl).getHost());
        try (BrowserContext context = gated ? browser.newContext(new HostLimits(hosts)) : browser.newContext()) {
            if (gated) {
                NavigationGuard guard = new NavigationGuard(new DomainPolicy(hosts));
                guard.install(context);
                guard.holdRequests(request -> true);
                SocketHold.install(context, (url, text, size) -> true);
            }
            Page page = context.newPage();
            page.navigate(baseUrl + "/login");
            page.locator("#username").fill("demo@practice.test");
            page.locator("#password").fill("practice-password");
            page.locator("button[type=submit]").click();
            page.waitForURL("**/dashboard");
            page.navigate(baseUrl + "/dashboard");
            page.locator("#usage-requests").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            String requests = page.locator("#usage-requests").innerText().strip();
            page.locator("#usage-limit").innerText();
            page.locator("#usage-cost").innerText();
            return requests;
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
