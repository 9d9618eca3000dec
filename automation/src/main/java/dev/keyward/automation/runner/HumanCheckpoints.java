package dev.keyward.automation.runner;

import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.scripts.AutomationScript;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts a checkpoint to the human through the {@link CheckpointGate} and records the answer. No answer within
 * the timeout is a rejection. On a repeat run of an approved program with auto-approve on, account and billing
 * checkpoints before a step are approved without asking, and recorded as such; financial, irreversible,
 * api_key and script review checkpoints always ask. Such an approval does not cover what the step then sends:
 * the {@link WriteGate} lets a request through on a repeat run only when a person approved the same one before.
 */
final class HumanCheckpoints {

    /** A question about to be asked; texts may still hold anything, they are redacted here. */
    record Question(CheckpointType type, String stepId, String description, String proposedAction,
                    Map<String, String> context, CheckpointRequest.ModifiableValue modifiable) {}

    /** The note of an approval given by the auto-approve rule, not by a person. */
    static final String AUTO_NOTE = "auto-approved: repeat run of an approved program";

    private final CheckpointGate gate;
    private final ExecutionRecorder recorder;
    private final AutomationScript script;
    private final RunOptions options;
    private final RunObserver observer;
    private final RunWatchdog watchdog;

    HumanCheckpoints(CheckpointGate gate, ExecutionRecorder recorder, AutomationScript script, RunOptions options,
            RunObserver observer, RunWatchdog watchdog) {
        this.gate = gate;
        this.recorder = recorder;
        this.script = script;
        this.options = options;
        this.observer = observer;
        this.watchdog = watchdog;
    }

    /** Runs {@code wait} for a person (a payment handoff's window) without the page's clock running. */
    void whileAPersonActs(Runnable wait) {
        watchdog.whileAPersonActs(() -> {
            wait.run();
            return null;
        });
    }

    CheckpointDecision ask(Question q) {
        return ask(q, mayAutoApprove(q.type()));
    }

    /** Asks a person, whatever the auto-approve settings say. */
    CheckpointDecision askPerson(Question q) {
        return ask(q, false);
    }

    /** Records an approval the rules gave without asking (a request a person approved on an earlier run). */
    CheckpointDecision recordAuto(Question q, String why) {
        CheckpointDecision auto = CheckpointDecision.approve(why);
        Map<String, String> context = new LinkedHashMap<>();
        q.context().forEach((k, v) -> {
            if (v != null) {
                context.put(k, recorder.redact(v));
            }
        });
        observer.notice("Checkpoint '" + q.type().dbValue() + "' at step '" + q.stepId() + "' auto-approved ("
                + why + ").");
        recorder.checkpoint(q.type(), recorder.redact(q.description()), recorder.redact(q.proposedAction()), context,
                auto, auto.notes());
        return auto;
    }

    /** Whether this run is a repeat run of an approved program with auto-approve on. */
    boolean repeatRunOfApproved() {
        return (options.autoApproveRepeat() || script.autoApproveRepeat()) && script.approved()
                && script.executionCount() > 0;
    }

    private CheckpointDecision ask(Question q, boolean auto) {
        String description = recorder.redact(q.description());
        String proposed = recorder.redact(q.proposedAction());
        Map<String, String> context = new LinkedHashMap<>();
        q.context().forEach((k, v) -> {
            if (v != null) {
                context.put(k, recorder.redact(v));
            }
        });
        if (auto) {
            CheckpointDecision autoDecision = CheckpointDecision.approve(AUTO_NOTE);
            observer.notice("Checkpoint '" + q.type().dbValue() + "' at step '" + q.stepId()
                    + "' auto-approved (repeat run of an approved program).");
            recorder.checkpoint(q.type(), description, proposed, context, autoDecision, autoDecision.notes());
            return autoDecision;
        }
        CheckpointRequest.ModifiableValue modifiable = q.modifiable() == null ? null
                : new CheckpointRequest.ModifiableValue(q.modifiable().stepId(), recorder.redact(q.modifiable().selector()),
                        recorder.redact(q.modifiable().currentValue()), q.modifiable().shape());
        CheckpointRequest request = new CheckpointRequest(recorder.executionId(), recorder.redact(script.title()),
                q.stepId(), q.type(), description, proposed, context, modifiable, options.checkpointTimeout());
        recorder.paused();
        // A person may take minutes: that is not the page stopping to respond.
        CheckpointDecision decision = watchdog.whileAPersonActs(() -> await(request));
        if (decision.kind() == CheckpointDecision.Kind.MODIFIED && modifiable == null) {
            decision = CheckpointDecision.reject("a changed value was given, but this checkpoint has no value to change");
        }
        Map<String, String> recorded = new LinkedHashMap<>(context);
        if (decision.kind() == CheckpointDecision.Kind.MODIFIED) {
            recorded.put("modified_step", modifiable.stepId());
            recorded.put("modified_value", decision.modifiedValue());
        }
        recorder.checkpoint(q.type(), description, proposed, recorded, decision, decision.notes());
        return decision;
    }

    private boolean mayAutoApprove(CheckpointType type) {
        // Money, what cannot be undone and keys always get a human, whatever the settings say.
        return repeatRunOfApproved() && !RequestClassifier.neverAutoApproved(type);
    }

    /** Whether a decision came from the auto-approve rule rather than a person. */
    static boolean byRule(CheckpointDecision decision) {
        return decision.notes() != null && decision.notes().startsWith("auto-approved");
    }

    private CheckpointDecision await(CheckpointRequest request) {
        CompletableFuture<CheckpointDecision> answer;
        try {
            answer = gate.ask(request);
        } catch (RuntimeException e) {
            return CheckpointDecision.reject("the checkpoint could not be shown, so it counts as rejected");
        }
        Duration timeout = request.timeout();
        try {
            CheckpointDecision decision = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return decision == null ? CheckpointDecision.reject("no decision was given") : decision;
        } catch (TimeoutException e) {
            answer.cancel(true);
            observer.notice("No answer within " + timeout.toSeconds() + " seconds: the checkpoint counts as rejected.");
            return CheckpointDecision.reject("no answer within " + timeout.toSeconds() + " seconds");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return CheckpointDecision.reject("the run was interrupted while waiting for an answer");
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return CheckpointDecision.reject("the checkpoint was closed without an answer");
        }
    }
}
