package dev.keyward.automation.runner;

import com.microsoft.playwright.Page;
import dev.keyward.automation.browser.TargetDescription;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.program.Step;
import dev.keyward.vault.session.VaultSession;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides each state-changing request the page makes while the route holds it. A request passes when the step
 * that caused it has a person's approval of a type at least as strict as the request's (the step's own
 * checkpoint), when a person approved the same request earlier in the step, or, on a repeat run with
 * auto-approve on, when a person approved the same method, host, path and field names on an earlier run and it
 * is neither financial, irreversible nor api_key. Otherwise a checkpoint shows the request (method, host, path,
 * fields with secret values as placeholders, amounts and plan names) and waits; no answer is a rejection.
 * Every request a person approves is remembered for the script.
 */
final class WriteGate {

    /** A request a step sent or tried to send, for the step's outcome. */
    record Decided(HeldRequest request, boolean allowed) {}

    /** The run's first request that was not let through, and the step it belonged to (null before the first). */
    record Refusal(HeldRequest request, String stepId) {}

    private static final String PAGE_TEXT = "() => document.body ? document.body.innerText.slice(0, 20000) : ''";

    private final HumanCheckpoints checkpoints;
    private final VaultSession session;
    private final String scriptId;
    private final ApprovedRequestRepository approvedRequests;
    private final ExecutionRecorder recorder;
    /** Requests a person approved in this run whose rows wait for the recorder's next write. */
    private final List<HeldRequest> approvedInRun = new ArrayList<>();
    private Page page;

    private Step step;
    private TargetDescription target;
    private String pageText = "";
    private CheckpointType stepAdvice;
    private final Map<CheckpointType, Boolean> stepApprovals = new EnumMap<>(CheckpointType.class);
    private final List<HeldRequest> approvedInStep = new ArrayList<>();
    private final List<Decided> decidedInStep = new ArrayList<>();
    private boolean handedOver;
    /** Set at the run's first refusal and never cleared: the run ends there, and nothing the page sends after leaves. */
    private Refusal refusal;
    private Runnable onRefusal = () -> { };

    WriteGate(HumanCheckpoints checkpoints, VaultSession session, String scriptId, ExecutionRecorder recorder) {
        this.checkpoints = checkpoints;
        this.recorder = recorder;
        this.session = session;
        this.scriptId = scriptId;
        this.approvedRequests = new ApprovedRequestRepository(session.profileId());
    }

    /** The run's page, opened after the gate was installed on its context. */
    void onPage(Page runPage) {
        this.page = runPage;
    }

    /**
     * A step is about to act; what it sends from now on is its own.
     *
     * @param advice   the type the step's labels or the program suggest, or null
     * @param readText the page's text read with the step's element, or null when it was not read
     */
    void beginStep(Step next, TargetDescription nextTarget, CheckpointType advice, String readText) {
        step = next;
        // Read now, not while a request is held: the page may be mid-navigation then, and an evaluate would wait.
        pageText = !StepPreparer.readsPageText(next) ? "" : readText != null ? readText : readPageText();
        target = nextTarget;
        stepAdvice = advice;
        stepApprovals.clear();
        approvedInStep.clear();
        decidedInStep.clear();
    }

    /** The step's own checkpoint was approved, by a person or by the auto-approve rule. */
    void stepApproved(CheckpointType type, boolean byPerson) {
        stepApprovals.merge(type, byPerson, Boolean::logicalOr);
    }

    /**
     * The page is the person's now (a headed payment handoff): what they send is theirs, not held and not
     * remembered. The host limits stay.
     */
    void handOver() {
        handedOver = true;
    }

    /** Whether the page is the person's (see {@link #handOver}). */
    boolean handedOver() {
        return handedOver;
    }

    /** The requests the current step sent or tried to send, in order. */
    List<Decided> decidedInStep() {
        return List.copyOf(decidedInStep);
    }

    /**
     * The run's first refused request, whichever step or phase it came in (between two steps included), or null.
     * Unlike the step's own list it is never cleared, so no later step can act past it.
     */
    Refusal refusal() {
        return refusal;
    }

    /**
     * {@code listener} runs once, at the run's first refusal, after it is recorded and before the request is
     * aborted; the runner ends the page's calls there instead of waiting out whatever the step waits for.
     */
    void onRefusal(Runnable listener) {
        this.onRefusal = listener;
    }

    /** Decides a state-changing request while the page waits for it; false aborts the request. */
    boolean allow(HeldRequest request) {
        if (handedOver) {
            return true;
        }
        if (refusal != null) {
            // The run ends at its first refusal: what the page tries after it is dropped, and no one is asked.
            decidedInStep.add(new Decided(request, false));
            return false;
        }
        boolean allowed = decide(request);
        decidedInStep.add(new Decided(request, allowed));
        if (!allowed) {
            refusal = new Refusal(request, step == null ? null : step.id());
            onRefusal.run();
        }
        return allowed;
    }

    private boolean decide(HeldRequest request) {
        RequestClassifier.Advice advice = RequestClassifier.advise(request);
        CheckpointType type = RequestClassifier.stricter(advice.type(), stepAdvice);
        if (approvedInStep.stream().anyMatch(a -> same(a, request))) {
            return true;
        }
        // A 307 or 308 re-sends the body somewhere the person was not shown: only its own approval covers it.
        if (request.kind() != HeldRequest.Kind.REDIRECT && coveredByPerson(type)) {
            remember(request);
            return true;
        }
        HumanCheckpoints.Question question = question(request, type, advice);
        if (checkpoints.repeatRunOfApproved() && !RequestClassifier.neverAutoApproved(type) && approvedBefore(request)) {
            checkpoints.recordAuto(question, "auto-approved: a person approved this same request on an earlier run");
            approvedInStep.add(request);
            return true;
        }
        CheckpointDecision decision = checkpoints.askPerson(question);
        if (!decision.proceeds()) {
            return false;
        }
        remember(request);
        return true;
    }

    /** A person approved this step at a type at least as strict as the request's. */
    private boolean coveredByPerson(CheckpointType type) {
        return stepApprovals.entrySet().stream().anyMatch(e -> e.getValue()
                && RequestClassifier.severity(e.getKey()) <= RequestClassifier.severity(type));
    }

    private HumanCheckpoints.Question question(HeldRequest request, CheckpointType type,
            RequestClassifier.Advice advice) {
        String stepId = step == null ? "(before the first step)" : step.id();
        Map<String, String> context = new LinkedHashMap<>();
        context.put("step", step == null ? stepId : stepId + " (" + step.type().jsonName() + ")");
        context.put("page", page == null ? "(no page yet)" : page.url());
        context.put("request", request.target() + " (" + request.kind().shown() + ")");
        if (!request.fields().isEmpty()) {
            context.put("fields", request.fieldsShown());
        } else if (request.size() > 0) {
            context.put("body", request.size() + " bytes, not a form");
        }
        String facts = PageFacts.amountsAndPlans(request.fieldsShown(), pageText);
        if (!facts.isEmpty()) {
            context.put("amounts and plans", facts);
        }
        if (target != null) {
            TargetDescriptions.describe(target).forEach(context::put);
        }
        context.put("rules", advice.reason());
        String description = "The page tried to send a " + request.kind().shown() + ": " + request.target()
                + ". Keyward holds it until you decide; " + advice.reason() + ".";
        String proposed = "Let the page send " + request.target()
                + (request.fields().isEmpty() ? "" : " with the fields shown") + "; reject to drop it.";
        return new HumanCheckpoints.Question(type, stepId, description, proposed, context, null);
    }

    private String readPageText() {
        if (page == null) {
            return "";
        }
        try {
            Object text = page.evaluate(PAGE_TEXT);
            return text == null ? "" : text.toString();
        } catch (RuntimeException e) {
            // The page may be navigating away; the request itself is still shown.
            return "";
        }
    }

    private void remember(HeldRequest request) {
        approvedInStep.add(request);
        approvedInRun.add(request);
        String now = session.now();
        recorder.writeLater(c -> approvedRequests.remember(c, scriptId, request, now));
    }

    /** Approved by a person before: earlier in this run (its row may not be written yet), or on an earlier run. */
    private boolean approvedBefore(HeldRequest request) {
        return approvedInRun.stream().anyMatch(a -> same(a, request))
                || session.database().read(c -> approvedRequests.approvedBefore(c, scriptId, request));
    }

    /**
     * The same action within a run: method, host, path and field names, and for a GET the addresses its query
     * leads to, since there the value is the action ({@code /go?next=/account/delete} is not the approved
     * {@code /go?next=/plan/subscribe}).
     */
    private static boolean same(HeldRequest a, HeldRequest b) {
        return b.sameActionAs(a.method(), a.host(), a.path(), a.fieldNames()) && a.leadsTo().equals(b.leadsTo());
    }
}
