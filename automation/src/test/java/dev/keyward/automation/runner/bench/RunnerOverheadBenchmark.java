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
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.browser.SocketHold;
import dev.keyward.automation.browser.SpeculationRules;
import dev.keyward.automation.browser.UnroutedRequests;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.runner.CheckpointDecision;
import dev.keyward.automation.runner.ExecutionStatus;
import dev.keyward.automation.runner.ProgramRunner;
import dev.keyward.automation.runner.RunObserver;
import dev.keyward.automation.runner.RunOptions;
import dev.keyward.automation.runner.RunResult;
import dev.keyward.automation.runner.StepOutcome;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.automation.scripts.TestVault;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's overhead per step: the sample "read the usage dashboard" (10 steps) run by {@link ProgramRunner}
 * against the same flow written directly in Playwright Java, and behind every wall a real run puts up, on Chromium,
 * in one JVM. The walls are those of a real run: Chromium's host resolver rules (the runner's and the walled flows
 * share a browser launched with the program's {@link HostLimits}; the plain flow has a browser without them), the
 * context's dead-end proxy, the route of every request through {@link NavigationGuard} (a review that lets
 * everything pass, each request let on handing the browser-wide {@link UnroutedRequests} wall its one-use pass), the
 * socket hold's binding and init script and the speculation-rules script. So runner - walls is the runner's own cost
 * (recording, inspection, checkpoints, the settle) and walls - direct the gate's. A fourth flow has the walls
 * without the request wall, which tells that wall's share. The flows are interleaved, and their order turns round
 * every round, so a load that rises or falls during the run weighs on each alike. Each flow's wall time and CPU
 * time (this JVM, the Playwright driver and every Chromium process: user + system) are taken, and the report gives
 * medians, the median of the rounds' own ratios, and each flow's median time per step. Off by default; run with
 * {@code mvn -B -o -pl automation -am test -Dtest=RunnerOverheadBenchmark -Dkeyward.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dkeyward.bench.rounds=N}, {@code -Dkeyward.bench.warmup=N} to change the 15 rounds after 3) and read
 * automation/target/runner-benchmark.txt.
 */
@Tag("bench")
@RequiresChromium
@EnabledIfSystemProperty(named = "keyward.bench", matches = "true")
class RunnerOverheadBenchmark {

    private static final int WARMUP = Integer.getInteger("keyward.bench.warmup", 3);
    private static final int ROUNDS = Integer.getInteger("keyward.bench.rounds", 15);
    private static final int STEPS = 10;
    private static final String[] STEP_NAMES = {"goto login", "fill username", "fill password", "click sign in",
        "wait for url", "goto dashboard", "wait for selector", "extract", "extract", "extract"};
    /** Clock ticks per second of /proc/<pid>/stat's CPU fields (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_MS = 0.1;
    /**
     * With {@code -Dkeyward.bench.trace=true}, each step's start is marked on standard error, so a run with the
     * environment's {@code DEBUG=pw:channel} (Playwright's log of every call to its driver) shows the calls per step.
     */
    private static final boolean TRACE = Boolean.getBoolean("keyward.bench.trace");

    /** WALLS: every wall of a real run; ROUTE_ONLY: the same without the browser-wide request wall. */
    private enum Flow { RUNNER, DIRECT, WALLS, ROUTE_ONLY }

    /** One flow's measurement in one round. */
    private record Sample(long wallNanos, double cpuMs, long[] stepNanos) {}

    @TempDir
    Path root;

    @Test
    void runnerAgainstDirectPlaywright() throws Exception {
        try (VaultSession session = TestVault.open(root);
             PracticeCloud cloud = PracticeCloud.start(0);
             LaunchedBrowser plain = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false)) {
            session.secrets().add("practice-cloud-password", "practice-password".toCharArray(), "practice-cloud");
            ScriptService scripts = new ScriptService(session);
            Path dir = Path.of("").toAbsolutePath();
            while (!Files.isDirectory(dir.resolve("samples/programs"))) {
                dir = dir.getParent();
            }
            AutomationScript script = scripts.importProgram(
                    Files.readString(dir.resolve("samples/programs/read-usage-dashboard.json")), null).script();
            scripts.approve(script.id());
            HostLimits limits = new HostLimits(scripts.program(script).allowedDomains());
            // The browser a real run launches: its host resolver rules admit only the program's allowed hosts.
            LaunchedBrowser browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false, limits);
            try {
                measure(session, script, cloud, plain, browser, limits);
            } finally {
                browser.close();
            }
        }
    }

    private static void measure(VaultSession session, AutomationScript script, PracticeCloud cloud,
            LaunchedBrowser plain, LaunchedBrowser browser, HostLimits limits) throws IOException {
        ProgramRunner runner = new ProgramRunner(session, new BrowserLauncher(ChromiumLocator.forProcess()));
        RunOptions options = RunOptions.defaults(Map.of("base_url", cloud.baseUrl()));
        String expected = directFlow(plain, cloud.baseUrl(), null, false, new long[STEPS]);

        Map<Flow, Supplier<long[]>> flows = new EnumMap<>(Flow.class);
        flows.put(Flow.RUNNER, () -> runnerFlow(runner, script, options, browser, expected));
        flows.put(Flow.DIRECT, () -> {
            long[] steps = new long[STEPS];
            assertEquals(expected, directFlow(plain, cloud.baseUrl(), null, false, steps));
            return steps;
        });
        flows.put(Flow.WALLS, () -> {
            long[] steps = new long[STEPS];
            assertEquals(expected, directFlow(browser, cloud.baseUrl(), limits, true, steps));
            return steps;
        });
        flows.put(Flow.ROUTE_ONLY, () -> {
            long[] steps = new long[STEPS];
            assertEquals(expected, directFlow(browser, cloud.baseUrl(), limits, false, steps));
            return steps;
        });
        Map<Flow, List<Sample>> samples = new EnumMap<>(Flow.class);
        for (Flow flow : Flow.values()) {
            samples.put(flow, new ArrayList<>());
        }
        double loadAtStart = loadAverage();
        for (int round = 0; round < WARMUP + ROUNDS; round++) {
            List<Flow> order = new ArrayList<>(List.of(Flow.values()));
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Flow flow : order) {
                double cpu0 = cpuMs();
                long t0 = System.nanoTime();
                long[] steps = flows.get(flow).get();
                long t1 = System.nanoTime();
                double cpu1 = cpuMs();
                if (round >= WARMUP) {
                    samples.get(flow).add(new Sample(t1 - t0, cpu1 - cpu0, steps));
                }
            }
        }
        String report = report(samples, loadAtStart, loadAverage());
        System.out.println(report);
        Files.writeString(Path.of("target/runner-benchmark.txt"), report);
    }

    private static long[] runnerFlow(ProgramRunner runner, AutomationScript script, RunOptions options,
            LaunchedBrowser browser, String expected) {
        long[] steps = new long[STEPS];
        long[] started = new long[1];
        RunObserver timing = new RunObserver() {
            @Override
            public void stepStarted(int index, String stepId, String type) {
                started[0] = System.nanoTime();
                mark("runner", index);
            }

            @Override
            public void stepFinished(int index, StepOutcome outcome) {
                steps[index] = System.nanoTime() - started[0];
            }
        };
        if (TRACE) {
            System.err.println("@@ runner run starts");
        }
        RunResult result = runner.run(script.id(), options,
                // Signing in is an account checkpoint (a password form); nothing else is asked.
                r -> CompletableFuture.completedFuture(r.type() == CheckpointType.ACCOUNT
                        ? CheckpointDecision.approve("benchmark signs in")
                        : CheckpointDecision.reject("benchmark asks nothing else")),
                timing, browser);
        if (TRACE) {
            System.err.println("@@ runner run ended");
        }
        assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
        assertEquals(expected, result.outputs().get("requests"));
        return steps;
    }

    /**
     * The same ten steps, hand-written: what the runner would cost if it added nothing. With {@code limits} (on a
     * browser launched with them) the flow is behind a real run's walls, without the runner's recording, inspection
     * or checkpoints: the context's dead-end proxy, the route of every request with a review that lets everything
     * pass, the socket hold and the speculation-rules script, and with {@code walled} the browser-wide request wall
     * below the route, which the route hands a pass for each request it lets on. {@code steps} receives each
     * step's time.
     */
    private static String directFlow(LaunchedBrowser browser, String baseUrl, HostLimits limits, boolean walled,
            long[] steps) {
        boolean gated = limits != null;
        if (TRACE) {
            System.err.println("@@ " + (!gated ? "direct" : walled ? "walls" : "no-request-wall") + " flow starts");
        }
        UnroutedRequests wall = walled ? UnroutedRequests.install(browser) : null;
        try (BrowserContext context = gated ? browser.newContext(limits) : browser.newContext()) {
            if (gated) {
                NavigationGuard guard = new NavigationGuard(new DomainPolicy(limits.allowedDomains()));
                guard.install(context);
                if (wall != null) {
                    guard.onLetOn(wall::admit);
                }
                SocketHold.install(context, (url, text, size) -> true);
                SpeculationRules.install(context);
                guard.holdRequests(request -> true);
            }
            String flow = !gated ? "direct" : walled ? "walls" : "no-request-wall";
            Page page = context.newPage();
            mark(flow, 0);
            long t = System.nanoTime();
            page.navigate(baseUrl + "/login");
            t = lap(flow, steps, 0, t);
            page.locator("#username").fill("demo@practice.test");
            t = lap(flow, steps, 1, t);
            page.locator("#password").fill("practice-password");
            t = lap(flow, steps, 2, t);
            page.locator("button[type=submit]").click();
            t = lap(flow, steps, 3, t);
            page.waitForURL("**/dashboard");
            t = lap(flow, steps, 4, t);
            page.navigate(baseUrl + "/dashboard");
            t = lap(flow, steps, 5, t);
            page.locator("#usage-requests").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            t = lap(flow, steps, 6, t);
            String requests = page.locator("#usage-requests").innerText().strip();
            t = lap(flow, steps, 7, t);
            page.locator("#usage-limit").innerText();
            t = lap(flow, steps, 8, t);
            page.locator("#usage-cost").innerText();
            lap(flow, steps, 9, t);
            return requests;
        } finally {
            if (wall != null) {
                wall.close();
            }
            if (TRACE) {
                System.err.println("@@ flow ended");
            }
        }
    }

    private static long lap(String flow, long[] steps, int index, long since) {
        long now = System.nanoTime();
        steps[index] = now - since;
        if (index + 1 < STEPS) {
            mark(flow, index + 1);
        }
        return now;
    }

    private static void mark(String flow, int index) {
        if (TRACE) {
            System.err.println("@@ " + flow + " step " + (index + 1) + " " + STEP_NAMES[index]);
        }
    }

    private static String report(Map<Flow, List<Sample>> samples, double loadAtStart, double loadAtEnd) {
        List<Sample> runner = samples.get(Flow.RUNNER);
        List<Sample> direct = samples.get(Flow.DIRECT);
        List<Sample> walls = samples.get(Flow.WALLS);
        double runnerMs = wallMs(runner);
        double directMs = wallMs(direct);
        double wallsMs = wallMs(walls);
        double routeMs = wallMs(samples.get(Flow.ROUTE_ONLY));
        double runnerCpu = cpuMs(runner);
        double directCpu = cpuMs(direct);
        double wallsCpu = cpuMs(walls);
        double routeCpu = cpuMs(samples.get(Flow.ROUTE_ONLY));
        List<Double> wallRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> wallsRatios = new ArrayList<>();
        List<Double> ownRatios = new ArrayList<>();
        for (int i = 0; i < runner.size(); i++) {
            wallRatios.add((double) runner.get(i).wallNanos() / direct.get(i).wallNanos());
            cpuRatios.add(runner.get(i).cpuMs() / Math.max(1, direct.get(i).cpuMs()));
            wallsRatios.add((double) walls.get(i).wallNanos() / direct.get(i).wallNanos());
            ownRatios.add((double) runner.get(i).wallNanos() / walls.get(i).wallNanos());
        }
        StringBuilder out = new StringBuilder(String.format("""
                Browser runner overhead (read-usage-dashboard, %d steps, %d rounds after %d warm-up, interleaved with
                the order reversed every other round; medians; CPU = user+system of this JVM, the driver and Chromium)
                  load average (1 min) at start / end: %.1f / %.1f
                                          wall per flow   per step    CPU per flow
                  runner run:             %8.1f ms  %7.1f ms  %8.1f ms
                  direct Playwright:      %8.1f ms  %7.1f ms  %8.1f ms
                  direct, every wall:     %8.1f ms  %7.1f ms  %8.1f ms
                  direct, no request wall:%8.1f ms  %7.1f ms  %8.1f ms
                  overhead per step:      %.1f ms wall, %.1f ms CPU
                    the gate (walls - direct):        %.1f ms wall, %.1f ms CPU
                    of which the request wall:        %.1f ms wall, %.1f ms CPU
                    the runner's own (runner - walls): %.1f ms wall, %.1f ms CPU
                  ratio runner/direct:    %.2f wall (median of rounds' ratios %.2f), %.2f CPU (median of ratios %.2f)
                  ratio walls/direct:     %.2f wall (median of rounds' ratios %.2f), %.2f CPU
                  ratio runner/walls:     %.2f wall (median of rounds' ratios %.2f), %.2f CPU
                median time per step, runner / direct / walls / no request wall (ms):
                """, STEPS, ROUNDS, WARMUP, loadAtStart, loadAtEnd,
                runnerMs, runnerMs / STEPS, runnerCpu, directMs, directMs / STEPS, directCpu,
                wallsMs, wallsMs / STEPS, wallsCpu, routeMs, routeMs / STEPS, routeCpu,
                (runnerMs - directMs) / STEPS, (runnerCpu - directCpu) / STEPS,
                (wallsMs - directMs) / STEPS, (wallsCpu - directCpu) / STEPS,
                (wallsMs - routeMs) / STEPS, (wallsCpu - routeCpu) / STEPS,
                (runnerMs - wallsMs) / STEPS, (runnerCpu - wallsCpu) / STEPS,
                runnerMs / directMs, median(wallRatios), runnerCpu / directCpu, median(cpuRatios),
                wallsMs / directMs, median(wallsRatios), wallsCpu / directCpu,
                runnerMs / wallsMs, median(ownRatios), runnerCpu / wallsCpu));
        double runnerSteps = 0;
        for (int i = 0; i < STEPS; i++) {
            double r = stepMs(runner, i);
            runnerSteps += r;
            out.append(String.format("  %2d %-18s %7.1f / %7.1f / %7.1f / %7.1f%n", i + 1, STEP_NAMES[i], r,
                    stepMs(direct, i), stepMs(walls, i), stepMs(samples.get(Flow.ROUTE_ONLY), i)));
        }
        out.append(String.format("  runner outside its steps (start, settle, finish, context): %.1f ms per run%n",
                runnerMs - runnerSteps));
        out.append(String.format("  outside the steps (context, page, walls up and down), median per flow, runner / direct"
                + " / walls / no request wall: %.1f / %.1f / %.1f / %.1f ms%n", outsideMs(runner), outsideMs(direct),
                outsideMs(walls), outsideMs(samples.get(Flow.ROUTE_ONLY))));
        return out.toString();
    }

    private static double wallMs(List<Sample> samples) {
        return median(samples.stream().map(s -> s.wallNanos() / 1e6).toList());
    }

    private static double cpuMs(List<Sample> samples) {
        return median(samples.stream().map(Sample::cpuMs).toList());
    }

    /** Each flow's time outside its ten steps (opening and closing its context, the walls, the runner's bookkeeping). */
    private static double outsideMs(List<Sample> samples) {
        return median(samples.stream().map(s -> (s.wallNanos() - java.util.Arrays.stream(s.stepNanos()).sum()) / 1e6)
                .toList());
    }

    private static double stepMs(List<Sample> samples, int step) {
        return median(samples.stream().map(s -> s.stepNanos()[step] / 1e6).toList());
    }

    /** CPU time so far of this JVM and every process under it (the driver, Chromium), reaped children included. */
    private static double cpuMs() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(all::add);
        double ticks = 0;
        for (ProcessHandle process : all) {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                // Fields after the command's closing parenthesis: state is 3rd, utime/stime/cutime/cstime 14th-17th.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                for (int f = 11; f <= 14; f++) {
                    ticks += Long.parseLong(fields[f]);
                }
            } catch (IOException | RuntimeException e) {
                // A process that ended between the listing and the read: its time is in its parent's.
            }
        }
        return ticks / TICKS_PER_MS;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
