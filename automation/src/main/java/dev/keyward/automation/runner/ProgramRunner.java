package dev.keyward.automation.runner;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.SocketHold;
import dev.keyward.automation.browser.SpeculationRules;
import dev.keyward.automation.browser.UnroutedRequests;
import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.program.PlaceholderResolutionException;
import dev.keyward.automation.program.PlaceholderResolver;
import dev.keyward.automation.program.ProviderFields;
import dev.keyward.automation.program.SecretLookup;
import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.scripts.ApprovalStatus;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.VaultException;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.settings.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a stored step program in a real Chromium: one {@code automation_executions} row per run, a
 * {@code script_review} checkpoint on the first run of an unapproved or changed program, then each step in
 * order (see {@link StepRunner}) until the end, a failure, a rejected checkpoint or a payment handoff.
 * Blocking; the desktop calls it from a background task, the CLI from its command.
 */
public final class ProgramRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramRunner.class);
    /** Closing a run's context and browser takes a second or two; past this the browser is killed instead. */
    private static final java.time.Duration CLOSE_LIMIT = java.time.Duration.ofSeconds(15);

    private final VaultSession session;
    private final BrowserLauncher launcher;
    private final ScriptService scripts;

    public ProgramRunner(VaultSession session, BrowserLauncher launcher) {
        this.session = session;
        this.launcher = launcher;
        this.scripts = new ScriptService(session);
    }

    /** A runner that starts the browser named by the profile's {@code browser_executable} setting, or searches. */
    public static ProgramRunner forSession(VaultSession session) {
        Object configured = session.settings().values().get(Setting.BROWSER_EXECUTABLE);
        return new ProgramRunner(session, BrowserLauncher.withSetting(configured == null ? null : configured.toString()));
    }

    /** Runs the script in a browser of its own, closed at the end. */
    public RunResult run(String scriptIdOrPrefix, RunOptions options, CheckpointGate gate, RunObserver observer) {
        return run(scriptIdOrPrefix, options, gate, observer, null);
    }

    /**
     * Runs the script; with {@code browser} non-null the run uses it (in a fresh context) and leaves it open,
     * so a caller running several programs starts Chromium once.
     *
     * @throws InvalidInputException when the script was rejected or an input is missing or undeclared
     * @throws dev.keyward.automation.browser.BrowserUnavailableException when no browser can be found
     */
    public RunResult run(String scriptIdOrPrefix, RunOptions options, CheckpointGate gate, RunObserver observer,
            LaunchedBrowser browser) {
        AutomationScript script = scripts.get(scriptIdOrPrefix);
        if (script.approvalStatus() == ApprovalStatus.REJECTED) {
            throw new InvalidInputException(AutomationErrorKind.SCRIPT_REJECTED, ErrorFacts.of(Fact.SCRIPT, script.shortId()));
        }
        StepProgram program = scripts.program(script);
        PlaceholderResolver resolver = resolver(script, program, options);
        if (browser == null) {
            launcher.locator().locate();
        }
        ExecutionRecorder recorder = ExecutionRecorder.start(session, script, program);
        LOG.info("automation run {} of script {} (version {}) started", recorder.executionId(), script.shortId(),
                script.version());
        observer.runStarted(recorder.executionId(), recorder.redact(script.title()), program.steps().size());
        RunResult result;
        try {
            result = runSteps(script, program, resolver, options, gate, observer, recorder, browser);
        } catch (RuntimeException e) {
            String error = e instanceof VaultException ? e.getMessage()
                    : "An unexpected error stopped the run (" + e.getClass().getSimpleName() + "); see the step list"
                    + " for how far it got, and try again.";
            try {
                result = recorder.finish(ExecutionStatus.FAILURE, error);
            } catch (RuntimeException unrecorded) {
                // The run's row could not be written (the vault's own error): what stopped the run goes with it.
                if (unrecorded != e) {
                    unrecorded.addSuppressed(e);
                }
                throw unrecorded;
            }
        }
        LOG.info("automation run {} finished: {}", result.executionId(), result.status().dbValue());
        observer.runFinished(result);
        return result;
    }

    private RunResult runSteps(AutomationScript script, StepProgram program, PlaceholderResolver resolver,
            RunOptions options, CheckpointGate gate, RunObserver observer, ExecutionRecorder recorder,
            LaunchedBrowser borrowed) {
        // Two walls below Playwright's routing: the browser resolves only the allowed hosts (when the run starts
        // its own), and the context sends every other host to a proxy that refuses it.
        HostLimits limits = new HostLimits(program.allowedDomains());
        LaunchedBrowser browser = borrowed != null ? borrowed : launcher.launch(options.headed(), limits);
        RunOptions effective = options.withHeaded(browser.headed());
        // Bounds every phase of the run: a page that holds a call into it past the phase's limit has its browser
        // closed (a lent browser too: a page stuck in its renderer cannot be freed another way).
        RunWatchdog watchdog = new RunWatchdog(browser);
        String firstStep = program.steps().getFirst().id();
        watchdog.arm(firstStep, RunWatchdog.attemptLimit((int) effective.defaultStepTimeout().toMillis()));
        BrowserContext context = null;
        NavigationGuard guard = new NavigationGuard(program.domainPolicy());
        UnroutedRequests wall = null;
        try {
            context = openContext(browser, limits);
            // Below the route, browser-wide and before the first page: a request the route did not let on never
            // leaves (Playwright lets some out unrouted: a keep-alive request as a page is left, a shared worker's).
            wall = UnroutedRequests.install(browser);
            guard.install(context);
            guard.onLetOn(wall::admit);
            // Dialogs answered no, and a page that floods the browser or crashes stops the run.
            PageTraps.install(context, watchdog, recorder);
            HumanCheckpoints checkpoints = new HumanCheckpoints(gate, recorder, script, effective, observer, watchdog);
            WriteGate writes = new WriteGate(checkpoints, session, script.id(), recorder);
            WriteHold hold = new WriteHold(writes, new RequestReader(recorder::redact), guard);
            // Before the first page: the hold must be in every frame before the page's own scripts run.
            SocketHold.install(context, hold);
            SpeculationRules.install(context);
            Page page = context.newPage();
            writes.onPage(page);
            guard.holdRequests(hold);
            // The run's row was written while the browser and the context started: on disk before anything runs.
            recorder.awaitStarted();
            if (!script.approved() && !reviewApproved(script, program, effective, checkpoints)) {
                return recorder.finish(ExecutionStatus.ABORTED, "Stopped before the first step: the script_review"
                        + " checkpoint was not approved.");
            }
            watchdog.disarm();
            DebugScreenshots screenshots = new DebugScreenshots(session);
            StepExecutor executor = new StepExecutor(page, resolver, session, script.providerSlug(), recorder, screenshots);
            StepRunner steps = new StepRunner(context, new StepPreparer(page, resolver, guard), executor, checkpoints,
                    writes, new PaymentHandoff(recorder, guard, writes, effective, observer, checkpoints,
                            new HandoffWindow(launcher)), guard, recorder,
                    screenshots, effective, session.settings().current().automationMaxRetries(), watchdog);
            for (int i = 0; i < program.steps().size(); i++) {
                observer.stepStarted(i, program.steps().get(i).id(), program.steps().get(i).type().jsonName());
                StepRunner.StepEnd end = steps.run(i, program.steps().get(i));
                observer.stepFinished(i, recorder.outcomes().get(i));
                if (watchdog.stopped() != null) {
                    return recorder.finish(watchdog.stopped());
                }
                if (end.stops()) {
                    return recorder.finish(end.stopWith(), end.error());
                }
            }
            StepRunner.StepEnd settled = steps.settle(program.steps().getLast());
            if (watchdog.stopped() != null) {
                return recorder.finish(watchdog.stopped());
            }
            if (settled.stops()) {
                return recorder.finish(settled.stopWith(), settled.error());
            }
            return recorder.finish(ExecutionStatus.SUCCESS, null);
        } catch (RuntimeException e) {
            if (watchdog.stopped() == null) {
                throw e;
            }
            // The browser was closed under a call outside a step's own handling (setting up, between steps).
            LOG.debug("a call failed after the run's browser was closed: {}", e.getClass().getSimpleName());
            return recorder.finish(watchdog.stopped());
        } finally {
            // Closing waits on the browser too: bounded like any phase (a browser that does not close is killed).
            watchdog.arm(program.steps().getLast().id(), CLOSE_LIMIT);
            try {
                if (context != null) {
                    closeContext(context, guard);
                }
                if (wall != null) {
                    wall.close();
                }
                if (borrowed == null) {
                    browser.close();
                }
            } finally {
                watchdog.close();
            }
        }
    }

    /**
     * Closes the run's context. Playwright 1.49's Java client throws a NullPointerException on a WebSocket close
     * event without a code (what a socket torn down with its page sends); such a stray event does not fail the run.
     */
    private static void closeContext(BrowserContext context, NavigationGuard guard) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                context.close();
                return;
            } catch (NullPointerException e) {
                LOG.debug("a WebSocket close event without a code was ignored while the run's context closed");
            } catch (PlaywrightException e) {
                // The browser is gone already (closed under a page that stopped responding): nothing left to close.
                return;
            }
        }
    }

    /** A fresh context; a stray WebSocket close event of an earlier run on a lent browser is ignored (see above). */
    private static BrowserContext openContext(LaunchedBrowser browser, HostLimits limits) {
        try {
            return browser.newContext(limits);
        } catch (NullPointerException e) {
            LOG.debug("a WebSocket close event without a code was ignored while the run's context opened");
            return browser.newContext(limits);
        }
    }

    /** The first run of an unapproved or changed program: a human reviews the whole program once. */
    private boolean reviewApproved(AutomationScript script, StepProgram program, RunOptions options,
            HumanCheckpoints checkpoints) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("script", script.shortId() + " version " + script.version());
        context.put("provider", script.providerSlug());
        context.put("allowed_domains", String.join(", ", program.allowedDomains()));
        context.put("steps", program.steps().stream().map(s -> s.id() + " (" + s.type().jsonName() + ")")
                .collect(Collectors.joining(", ")));
        options.inputs().forEach((k, v) -> context.put("input " + k, v));
        CheckpointDecision decision = checkpoints.ask(new HumanCheckpoints.Question(CheckpointType.SCRIPT_REVIEW,
                program.steps().getFirst().id(), "First run of " + (script.version() > 1 ? "changed " : "")
                + "program '" + script.title() + "' (version " + script.version() + "), not approved yet.",
                "Approve this version of the program and run its " + program.steps().size() + " steps; risky steps"
                        + " still stop for you.", context, null));
        if (!decision.proceeds()) {
            return false;
        }
        session.database().write(c -> {
            scripts.approveVersionIn(c, script.id(), script.version());
            return null;
        });
        return true;
    }

    private PlaceholderResolver resolver(AutomationScript script, StepProgram program, RunOptions options) {
        Map<String, String> inputs;
        try {
            inputs = program.inputValues(options.inputs());
        } catch (PlaceholderResolutionException e) {
            throw new InvalidInputException(e.getMessage() + " (script " + script.shortId() + ")");
        }
        ProviderInfo provider = session.providers().get(script.providerSlug());
        ProviderFields fields = new ProviderFields(provider.name(), provider.slug(), provider.websiteUrl(),
                provider.dashboardUrl(), provider.apiBaseUrl());
        return new PlaceholderResolver(secretLookup(), fields, inputs);
    }

    private SecretLookup secretLookup() {
        SecretService secrets = session.secrets();
        // One transaction looks the secret up and reveals it (with its audit entry), not a read and then a write.
        return name -> session.database().write(c -> secrets.findByNameIn(c, name) == null ? Optional.<char[]>empty()
                : Optional.of(secrets.revealIn(c, name, SecretService.Purpose.INJECT)));
    }
}
