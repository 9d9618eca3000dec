package dev.keyward.automation.runner;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.LoadState;
import dev.keyward.automation.browser.CardFieldPolicy;
import dev.keyward.automation.browser.FormFacts;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.program.ExtractTarget;
import dev.keyward.automation.program.RequiredCheckpoint;
import dev.keyward.automation.program.RiskRules;
import dev.keyward.automation.program.Step;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one step: prepare it, stop for a card field, ask the checkpoint the program or the risk rules demand,
 * act, and retry a transient failure a bounded number of times. Failures leave an encrypted screenshot and a
 * redacted error naming the step.
 */
final class StepRunner {

    /** How a step ended for the run: go on, or stop with a final status. */
    record StepEnd(ExecutionStatus stopWith, String error) {
        static final StepEnd CONTINUE = new StepEnd(null, null);

        boolean stops() {
            return stopWith != null;
        }
    }

    /** The last non-secret value typed on the current page: what a "modify" at a later click replaces. */
    private record TypedValue(String stepId, String selector, String value) {}

    private final BrowserContext context;
    private final StepPreparer preparer;
    private final StepExecutor executor;
    private final HumanCheckpoints checkpoints;
    private final WriteGate writes;
    private final PaymentHandoff handoff;
    private final NavigationGuard guard;
    private final ExecutionRecorder recorder;
    private final DebugScreenshots screenshots;
    private final RunOptions options;
    private final int maxRetries;
    private final RunWatchdog watchdog;
    /** At most this long is given to a page that keeps changing or asking after the last step. */
    private static final long SETTLE_LIMIT_NANOS = 2_000_000_000L;
    /**
     * Resolves once the page's document has not changed for 30 ms (at most a second): the page has run what the
     * last step set off (its handlers, promise chains, timers due at once) and the requests it made on the way
     * have had two frames' time to reach the route. The wait itself is the init script's (socket-hold.js), built
     * from natives captured before the page ran, so a page that replaces its timers cannot make it last forever;
     * a document without it (the init script did not run there) answers false and the runner waits 30 ms itself.
     */
    private static final String QUIET_PAGE = """
            () => typeof globalThis.__keywardQuietPage === 'function' ? globalThis.__keywardQuietPage() : false
            """;
    /** How many of the page's own requests are under way (socket-hold.js), 0 where the hold is missing. */
    private static final String REQUESTS_UNDER_WAY = """
            () => typeof globalThis.__keywardRequestsUnderWay === 'function' ? globalThis.__keywardRequestsUnderWay() : 0
            """;
    /** An empty evaluate answers within milliseconds on a page that runs; 5 seconds leave room for a loaded machine. */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(5);
    /** How long the screenshot of a failed step may take, whatever the step's own timeout. */
    private static final double FAILURE_SCREENSHOT_MS = 5_000;
    private int blockedReported;
    private int tooLargeReported;
    /** The context's default timeout as last set, so a step with the same timeout costs no call to the driver. */
    private int appliedTimeoutMs = -1;
    private TypedValue lastTyped;
    private final CardValueGuard cards = new CardValueGuard();
    /** The run's page was closed because the run ends (see {@link #endPage}). */
    private boolean pageEnded;

    StepRunner(BrowserContext context, StepPreparer preparer, StepExecutor executor, HumanCheckpoints checkpoints,
            WriteGate writes, PaymentHandoff handoff, NavigationGuard guard, ExecutionRecorder recorder,
            DebugScreenshots screenshots, RunOptions options, int maxRetries, RunWatchdog watchdog) {
        this.context = context;
        this.preparer = preparer;
        this.executor = executor;
        this.checkpoints = checkpoints;
        this.writes = writes;
        this.handoff = handoff;
        this.guard = guard;
        this.recorder = recorder;
        this.screenshots = screenshots;
        this.options = options;
        this.maxRetries = maxRetries;
        this.watchdog = watchdog;
        // A refused write, a navigation off the allowed domains and a body past the size limit each end the run.
        // Heard of while the step waits in a call into the page (a wait_for for what the refused request would have
        // brought), the page is closed at once, so that call returns now instead of at its timeout.
        writes.onRefusal(this::endPage);
        context.onRequestFailed(request -> {
            // Not in a headed payment handoff: the window is the person's, and a page off the list just does not load.
            if (!writes.handedOver() && routeRefusedSinceLastLook()) {
                endPage();
            }
        });
    }

    /**
     * Runs one step, each attempt bounded by the {@link RunWatchdog}: a page that holds a call past the attempt's
     * limit has its browser closed, and the step fails with the typed reason.
     */
    StepEnd run(int index, Step step) {
        try {
            return attempt(index, step);
        } finally {
            watchdog.disarm();
        }
    }

    private StepEnd attempt(int index, Step step) {
        int timeoutMs = step.header().timeoutMs() != null ? step.header().timeoutMs()
                : (int) options.defaultStepTimeout().toMillis();
        Set<CheckpointType> approvedHere = EnumSet.noneOf(CheckpointType.class);
        Map<CheckpointType, Boolean> approvedByPerson = new java.util.EnumMap<>(CheckpointType.class);
        String modified = null;
        int attempts = 0;
        while (true) {
            attempts++;
            watchdog.arm(step.id(), RunWatchdog.attemptLimit(timeoutMs));
            if (timeoutMs != appliedTimeoutMs) {
                // A round trip to the driver (it answers even this "no reply" call): made only when it changes.
                context.setDefaultTimeout(timeoutMs);
                appliedTimeoutMs = timeoutMs;
            }
            try {
                PreparedStep prepared = preparer.prepare(step, timeoutMs);
                // Events are heard only inside calls into the page: a refusal may have come in any of them, this
                // step's or, between two steps, the one before's. Looked at after each, and last just before acting.
                Optional<StepEnd> refusedEarlier = refused(index, step, attempts);
                if (refusedEarlier.isPresent()) {
                    return refusedEarlier.get();
                }
                if (typesInto(step) && prepared.target() != null && (CardFieldPolicy.isCardField(prepared.target())
                        || CardFieldPolicy.isCardField(prepared.effect()))) {
                    String reason = "step '" + step.id() + "' targets a payment card field; Keyward never types card data";
                    handoff.handOff(executor.page(), step.id(), reason, false);
                    recorder.step(index, StepStatus.SKIPPED, attempts, null, reason);
                    return new StepEnd(ExecutionStatus.ABORTED, "Stopped at step '" + step.id() + "': it targets a"
                            + " payment card field, and Keyward never types card data. The page was handed to you at "
                            + executor.page().url() + ".");
                }
                cards.check(step, prepared, null);
                Optional<Need> need = required(step, prepared);
                writes.beginStep(step, prepared.target(), need.map(Need::type).orElse(null), prepared.pageText());
                approvedByPerson.forEach(writes::stepApproved);
                refusedEarlier = refused(index, step, attempts);
                if (refusedEarlier.isPresent()) {
                    return refusedEarlier.get();
                }
                if (need.isPresent() && !approvedHere.contains(need.get().type())) {
                    CheckpointDecision decision = checkpoints.ask(question(step, prepared, need.get()));
                    if (!decision.proceeds()) {
                        String why = decision.notes() == null ? "rejected" : decision.notes();
                        recorder.step(index, StepStatus.SKIPPED, attempts, null,
                                "the " + need.get().type().dbValue() + " checkpoint was not approved (" + why + ")");
                        return new StepEnd(ExecutionStatus.ABORTED, "Stopped before step '" + step.id() + "': the "
                                + need.get().type().dbValue() + " checkpoint was not approved (" + why + ").");
                    }
                    approvedHere.add(need.get().type());
                    approvedByPerson.merge(need.get().type(), !HumanCheckpoints.byRule(decision), Boolean::logicalOr);
                    writes.stepApproved(need.get().type(), !HumanCheckpoints.byRule(decision));
                    if (decision.kind() == CheckpointDecision.Kind.MODIFIED) {
                        modified = decision.modifiedValue();
                    }
                }
                if (step instanceof Step.HandoffPayment planned) {
                    handoff.handOff(executor.page(), step.id(), preparer.resolve(planned.reason()), true);
                    recorder.step(index, StepStatus.NEEDS_REVIEW, attempts, null,
                            "payment handed to you at " + executor.page().url());
                    return new StepEnd(ExecutionStatus.SUCCESS, null);
                }
                cards.check(step, prepared, modified);
                String ownValue = modified;
                if (modified != null && !ownsValue(step) && lastTyped != null) {
                    executor.refill(lastTyped.selector(), modified);
                    ownValue = null;
                }
                refusedEarlier = refused(index, step, attempts);
                if (refusedEarlier.isPresent()) {
                    return refusedEarlier.get();
                }
                StepExecutor.Done done = executor.act(step, prepared, ownValue, timeoutMs);
                cards.ran(step);
                Optional<StepEnd> refused = refused(index, step, attempts);
                if (refused.isPresent()) {
                    return refused.get();
                }
                failOnRouteRefusal(step);
                remember(step, prepared, modified);
                if (watchdog.stopped() != null) {
                    return stopped(index, attempts);
                }
                recorder.step(index, done.status(), attempts, null, done.note());
                return StepEnd.CONTINUE;
            } catch (CardNumberRefused e) {
                return refuseCardNumber(index, step, attempts, e.getMessage());
            } catch (StepFailure | PlaywrightException e) {
                // First: the page was closed at a refusal, or a wait for what the refused request would have brought
                // ran out; either way the refusal is what ended the step.
                Optional<StepEnd> refused = refused(index, step, attempts);
                if (refused.isPresent()) {
                    return refused.get();
                }
                if (e instanceof TimeoutError || e.getCause() instanceof TimeoutError) {
                    if (!probe(step)) {
                        // A click or navigation that timed out because the page's main thread never came back (a
                        // busy loop in its handler or in beforeunload): the probe's limit ran out, the browser is closed.
                        return stopped(index, attempts);
                    }
                    // What the attempt does next (a failure's screenshot, a retry) has the attempt's limit again.
                    watchdog.arm(step.id(), RunWatchdog.attemptLimit(timeoutMs));
                }
                if (watchdog.stopped() != null) {
                    // The browser was closed under the step (the page hung, crashed or flooded it): not retried.
                    return stopped(index, attempts);
                }
                boolean decided = !writes.decidedInStep().isEmpty();
                if (e instanceof TimeoutError && decided && !routeRefusedSinceLastLook()) {
                    // The action waited for the navigation its approved request started while a person decided;
                    // the request has gone, and acting again would send it twice. (Had the route refused its answer,
                    // too large, or a redirect off the allowed domains, that is this step's failure, below.)
                    recorder.step(index, StepStatus.COMPLETED, attempts, null, "sent after approval");
                    return StepEnd.CONTINUE;
                }
                StepFailure failure = refusedByRoute(step).orElseGet(() -> asFailure(step, e, timeoutMs));
                if (failure.retryable() && attempts <= maxRetries && !decided) {
                    continue;
                }
                keepFailureScreenshot(step);
                String error = failure.getMessage() + (attempts > 1 ? " (" + attempts + " attempts)" : "");
                recorder.step(index, StepStatus.FAILED, attempts, error, null);
                return new StepEnd(ExecutionStatus.FAILURE, error);
            }
        }
    }

    /**
     * After a timeout, probes the page: arms the watchdog at {@link #PROBE_LIMIT} and sends an empty evaluate. A page
     * whose main thread is busy never answers, and the watchdog closes its browser: false. A page between two
     * documents answers with an error, which counts as answering. The watchdog is left armed at the probe's limit;
     * the caller arms the next phase.
     */
    private boolean probe(Step step) {
        if (watchdog.stopped() != null) {
            return false;
        }
        watchdog.arm(step.id(), PROBE_LIMIT);
        try {
            executor.page().evaluate("() => true");
        } catch (PlaywrightException e) {
            // Navigating, or closed under the probe: told apart below.
        }
        return watchdog.stopped() == null;
    }

    /**
     * Closes the run's page, once: the run ends at what was just refused, and whatever call the step is in (a wait for
     * what the refused request would have brought) returns now. Nothing more of the run acts on the page; its
     * context closes with the run.
     */
    private void endPage() {
        if (pageEnded) {
            return;
        }
        pageEnded = true;
        try {
            executor.page().close();
        } catch (RuntimeException e) {
            // Gone already, or a stray event failed in Playwright's client while it closed (see ProgramRunner's
            // closeContext): what ends the run is the refusal recorded, not the page's closing.
        }
    }

    /** The page ended the run: the step failed with the typed reason; the run finishes with it. */
    private StepEnd stopped(int index, int attempts) {
        PageStop stop = watchdog.stopped();
        recorder.step(index, StepStatus.FAILED, attempts, stop.sentence(), null);
        return new StepEnd(ExecutionStatus.FAILURE, stop.sentence());
    }

    /**
     * A card number about to be typed: recorded as a financial checkpoint Keyward rejected itself, the step
     * skipped, the run aborted. The message names the step, never the digits.
     */
    private StepEnd refuseCardNumber(int index, Step step, int attempts, String message) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("step", step.id() + " (" + step.type().jsonName() + ")");
        context.put("page", executor.page().url());
        String notes = "Keyward refused to type a value that looks like a payment card number.";
        recorder.checkpoint(CheckpointType.FINANCIAL, "Card number: " + message, "Nothing is typed; the run stops.",
                context, CheckpointDecision.reject(notes), notes);
        recorder.step(index, StepStatus.SKIPPED, attempts, null, message);
        return new StepEnd(ExecutionStatus.ABORTED, "Stopped at " + message);
    }

    /** The checkpoint a step needs: its own gate or a checkpoint step, and the risk rules; the stricter wins. */
    private record Need(CheckpointType type, String programReason, String ruleReason) {}

    private Optional<Need> required(Step step, PreparedStep prepared) {
        CheckpointType fromProgram = step instanceof Step.Checkpoint c ? c.checkpointType() : step.header().gate();
        Optional<RequiredCheckpoint> fromRules = RiskRules.assess(step, prepared.target(), prepared.effect());
        if (step instanceof Step.Extract x && x.into() instanceof ExtractTarget.Secret secret) {
            // Page text becomes a vault secret (a new one, or a new version of an existing one): a key change.
            fromRules = Optional.of(new RequiredCheckpoint(CheckpointType.API_KEY, "the step stores text read from "
                    + "the page " + executor.page().url() + " in the vault as secret '" + secret.name()
                    + "' (a new secret, or a new version when the name exists); the value is never shown"));
        }
        if (fromProgram == null && fromRules.isEmpty()) {
            return Optional.empty();
        }
        CheckpointType type = fromProgram;
        if (fromRules.isPresent() && (type == null || severity(fromRules.get().type()) < severity(type))) {
            type = fromRules.get().type();
        }
        return Optional.of(new Need(type, fromProgram == null ? null : "the program asks for a "
                + fromProgram.dbValue() + " checkpoint here", fromRules.map(RequiredCheckpoint::reason).orElse(null)));
    }

    private static int severity(CheckpointType type) {
        return List.of(CheckpointType.FINANCIAL, CheckpointType.IRREVERSIBLE, CheckpointType.API_KEY,
                CheckpointType.ACCOUNT, CheckpointType.BILLING, CheckpointType.SCRIPT_REVIEW).indexOf(type);
    }

    private HumanCheckpoints.Question question(Step step, PreparedStep prepared, Need need) {
        String stepDescription = step.header().description() == null ? null : preparer.resolve(step.header().description());
        String description = join(stepDescription, need.ruleReason() != null ? "Keyward's rules: " + need.ruleReason()
                : need.programReason());
        Map<String, String> context = new LinkedHashMap<>();
        context.put("step", step.id() + " (" + step.type().jsonName() + ")");
        context.put("page", executor.page().url());
        if (prepared.target() != null) {
            TargetDescriptions.describe(prepared.target()).forEach(context::put);
        }
        formDestination(prepared).ifPresent(where -> context.put("form posts to", where));
        if (step instanceof Step.Extract x && x.into() instanceof ExtractTarget.Secret secret) {
            context.put("secret", secret.name());
        }
        if (need.programReason() != null) {
            context.put("program", need.programReason());
        }
        if (need.ruleReason() != null) {
            context.put("rules", need.ruleReason());
        }
        return new HumanCheckpoints.Question(need.type(), step.id(), description, proposedAction(step, prepared),
                context, modifiable(step, prepared));
    }

    /**
     * Where the element's form sends its data (method and address without query, as the button that submits it
     * overrides them), when it is in one; read with the element, so asking costs no further call into the page.
     */
    private static Optional<String> formDestination(PreparedStep prepared) {
        FormFacts form = prepared.element() == null || prepared.effect() == null ? null : prepared.effect().form();
        if (form == null || form.method() == null || form.action() == null) {
            return Optional.empty();
        }
        return Optional.of(form.method() + " " + form.action().split("[?#]", 2)[0]);
    }

    private String proposedAction(Step step, PreparedStep prepared) {
        String target = TargetDescriptions.shown(prepared.target(), prepared.selector());
        return switch (step) {
            case Step.Checkpoint c -> preparer.resolve(c.proposedAction());
            case Step.Goto g -> "Open " + prepared.url();
            case Step.Click c -> "Click " + target + " on " + executor.page().url();
            case Step.Fill f -> prepared.valueHasSecret() ? "Type a vault secret into " + target
                    : "Type '" + prepared.value() + "' into " + target;
            case Step.Select s -> "Choose '" + prepared.value() + "' in " + target;
            case Step.Press p -> "Press " + p.key() + (prepared.selector() != null ? " in " + target : "");
            case Step.TotpFill t -> "Type a one-time code into " + target;
            case Step.Extract x when x.into() instanceof ExtractTarget.Secret secret -> "Read '" + prepared.selector()
                    + "' and store it in the vault as secret '" + secret.name() + "'";
            default -> "Run step '" + step.id() + "'";
        };
    }

    /** What "modify" replaces: the step's own non-secret value, or the value last typed on this page. */
    private CheckpointRequest.ModifiableValue modifiable(Step step, PreparedStep prepared) {
        if (ownsValue(step)) {
            return prepared.valueHasSecret() ? null
                    : new CheckpointRequest.ModifiableValue(step.id(), prepared.selector(), prepared.value());
        }
        if (step instanceof Step.Goto || lastTyped == null) {
            return null;
        }
        return new CheckpointRequest.ModifiableValue(lastTyped.stepId(), lastTyped.selector(), lastTyped.value());
    }

    private static boolean ownsValue(Step step) {
        return step instanceof Step.Fill || step instanceof Step.Select;
    }

    private static boolean typesInto(Step step) {
        return step instanceof Step.Fill || step instanceof Step.Select || step instanceof Step.Press
                || step instanceof Step.TotpFill;
    }

    private void remember(Step step, PreparedStep prepared, String modified) {
        if (step instanceof Step.Goto) {
            lastTyped = null;
        } else if (ownsValue(step) && !prepared.valueHasSecret()) {
            lastTyped = new TypedValue(step.id(), prepared.selector(), modified != null ? modified : prepared.value());
        } else if (modified != null && lastTyped != null) {
            lastTyped = new TypedValue(lastTyped.stepId(), lastTyped.selector(), modified);
        }
    }

    /**
     * A request that was not approved ends the run (the page never sent it), whenever it came: in this step, or
     * between the last step and this one (it belongs to the step before, which is named). This step is skipped.
     */
    private Optional<StepEnd> refused(int index, Step step, int attempts) {
        WriteGate.Refusal refusal = writes.refusal();
        if (refusal == null) {
            return Optional.empty();
        }
        String at = refusal.stepId() == null ? step.id() : refusal.stepId();
        String what = "the page tried to send " + refusal.request().target() + " (" + refusal.request().kind().shown()
                + "), which was not approved; Keyward dropped it";
        recorder.step(index, StepStatus.SKIPPED, attempts, null, at.equals(step.id()) ? what
                : "not run: at step '" + at + "' " + what);
        return Optional.of(new StepEnd(ExecutionStatus.ABORTED, "Stopped at step '" + at + "': " + what + "."));
    }

    /**
     * After the last step: waits until the page is quiet, so what the last step set off (a request sent after the
     * action returned, or from a timer due at once) is held and decided like any other, and one not approved
     * aborts the run instead of vanishing with the browser. Quiet means a page turn of 30 ms without a change to
     * its document during which the context asked for no request; a navigation under way is waited for
     * (Playwright's load state) and the page looked at again. Whatever the page would send later never leaves: the
     * context closes with the run.
     */
    StepEnd settle(Step lastStep) {
        // The wait's own limit, and 5 seconds for its calls into the page: past that the page has stopped answering.
        watchdog.arm(lastStep.id(), Duration.ofNanos(SETTLE_LIMIT_NANOS).plusSeconds(5));
        try {
            return settleUntilQuiet(lastStep);
        } finally {
            watchdog.disarm();
        }
    }

    private StepEnd settleUntilQuiet(Step lastStep) {
        long deadline = System.nanoTime() + SETTLE_LIMIT_NANOS;
        Page page = executor.page();
        try {
            while (!page.isClosed() && System.nanoTime() < deadline) {
                long turn = System.nanoTime();
                try {
                    if (Boolean.FALSE.equals(page.evaluate(QUIET_PAGE))) {
                        page.waitForTimeout(30);
                    }
                } catch (PlaywrightException e) {
                    // The document went away under the evaluate: a navigation; look again once it has loaded.
                    page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions()
                            .setTimeout(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                    continue;
                }
                if (guard.lastRequestAt() - turn >= 0) {
                    continue;
                }
                if (guard.lettingOn()) {
                    // A request the route let on (an approved image, a redirect's next hop) has not arrived yet:
                    // closing now would lose what a person approved.
                    page.waitForTimeout(30);
                    continue;
                }
                // Quiet also needs the page's own requests settled: the route may hear of one only after this turn.
                try {
                    if (!requestsUnderWay(page)) {
                        break;
                    }
                } catch (PlaywrightException e) {
                    // A navigation between the two looks: not quiet; the next turn waits for its page.
                    continue;
                }
                page.waitForTimeout(30);
            }
        } catch (PlaywrightException e) {
            return refusedAfter(lastStep);
        }
        return refusedAfter(lastStep);
    }

    private static boolean requestsUnderWay(Page page) {
        return page.evaluate(REQUESTS_UNDER_WAY) instanceof Number n && n.intValue() > 0;
    }

    private StepEnd refusedAfter(Step lastStep) {
        WriteGate.Refusal refusal = writes.refusal();
        if (refusal == null) {
            return StepEnd.CONTINUE;
        }
        HeldRequest refused = refusal.request();
        return new StepEnd(ExecutionStatus.ABORTED, "Stopped after step '" + lastStep.id() + "': the page tried to send "
                + refused.target() + " (" + refused.kind().shown() + "), which was not approved; Keyward dropped it.");
    }

    private void failOnRouteRefusal(Step step) {
        Optional<StepFailure> refused = refusedByRoute(step);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /**
     * Whether the route refused, since this runner last looked, a body past the size limit or a top-level navigation
     * off the allowed domains: either fails the step it happened in. Only reads; {@link #refusedByRoute} reports.
     */
    private boolean routeRefusedSinceLastLook() {
        return guard.tooLargeMark() > tooLargeReported || !guard.navigationsBlockedSince(blockedReported).isEmpty();
    }

    /**
     * What the route refused since the last report, as this step's failure (a body past the size limit before a
     * navigation off the allowed domains). Both are marked reported, so neither is blamed on a later step.
     */
    private Optional<StepFailure> refusedByRoute(Step step) {
        Optional<StepFailure> tooLarge = tooLarge(step);
        Optional<StepFailure> blocked = blockedNavigation(step);
        return tooLarge.or(() -> blocked);
    }

    /** A top-level navigation off the allowed domains since the last report, as this step's failure. */
    private Optional<StepFailure> blockedNavigation(Step step) {
        List<NavigationGuard.Blocked> seen = guard.navigationsBlockedSince(blockedReported);
        blockedReported = guard.mark();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        NavigationGuard.Blocked first = seen.getFirst();
        String what = first.prevented() ? "tried to open '" + first.host() + "', which is not in allowed_domains "
                + guard.allowedDomains() + "; Keyward blocked it"
                : "was redirected to '" + first.host() + "', which is not in allowed_domains " + guard.allowedDomains()
                + "; the run stopped there";
        return Optional.of(StepFailure.permanent("step '" + step.id() + "': the page " + what
                + ". Add the domain to allowed_domains only if you trust it."));
    }

    /** A body the route refused to read past its size limit since the last report, as this step's failure. */
    private Optional<StepFailure> tooLarge(Step step) {
        List<NavigationGuard.TooLarge> seen = guard.tooLargeSince(tooLargeReported);
        tooLargeReported = guard.tooLargeMark();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        NavigationGuard.TooLarge first = seen.getFirst();
        return Optional.of(StepFailure.permanent(TooLargeMessage.of(step.id(), first)));
    }

    private static StepFailure asFailure(Step step, RuntimeException e, int timeoutMs) {
        if (e instanceof StepFailure failure) {
            return failure;
        }
        String what = "step '" + step.id() + "' (" + step.type().jsonName() + ")";
        if (e instanceof TimeoutError) {
            return StepFailure.transientFailure(what + ": the page did not get there within "
                    + Math.max(1, timeoutMs / 1000) + " seconds; check the selector or URL pattern, or raise timeout_ms.", e);
        }
        // Playwright's first line says what failed; its call log below may quote the page and is dropped.
        String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        if (first.length() > 300) {
            first = first.substring(0, 300) + "…";
        }
        return StepFailure.transientFailure(what + ": the browser reported: " + first, e);
    }

    private void keepFailureScreenshot(Step step) {
        try {
            if (!executor.page().isClosed()) {
                // Its own limit, not the failed step's: a step allowed 800 ms on a busy machine lost its screenshot.
                byte[] png = executor.page().screenshot(new Page.ScreenshotOptions().setTimeout(FAILURE_SCREENSHOT_MS));
                String path = screenshots.store(recorder.executionId(), recorder.screenshotCount() + 1, step.id(), png);
                recorder.screenshot(step.id(), step.id(), path, true);
            }
        } catch (PlaywrightException e) {
            // No screenshot when the page is gone; the error still says what happened.
        }
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second == null ? "" : second;
        }
        return second == null ? first : first + ". " + second;
    }
}
