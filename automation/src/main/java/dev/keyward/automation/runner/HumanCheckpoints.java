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
 * the timeout is a rejection. On a repeat run of an approved program with auto-approve on, checkpoints other
 * than financial, irreversible and script review are approved without asking, and recorded as such.
 */
final class HumanCheckpoints {

    /** A question about to be asked; texts may still hold anything, they are redacted here. */
    record Question(CheckpointType type, String stepId, String description, String proposedAction,
                    Map<String, String> context, CheckpointRequest.ModifiableValue modifiable) {}

    private final CheckpointGate gate;
    private final ExecutionRecorder recorder;
    private final AutomationScript script;
    private final RunOptions options;
    private final RunObserver observer;

    HumanCheckpoints(CheckpointGate gate, ExecutionRecorder recorder, AutomationScript script, RunOptions options,
            RunObserver observer) {
        this.gate = gate;
        this.recorder = recorder;
        this.script = script;
        this.options = options;
        this.observer = observer;
    }

    CheckpointDecision ask(Question q) {
        String description = recorder.redact(q.description());
        String proposed = recorder.redact(q.proposedAction());
        Map<String, String> context = new LinkedHashMap<>();
        q.context().forEach((k, v) -> {
            if (v != null) {
                context.put(k, recorder.redact(v));
            }
        });
        if (mayAutoApprove(q.type())) {
            CheckpointDecision auto = CheckpointDecision.approve("auto-approved: repeat run of an approved program");
            observer.notice("Checkpoint '" + q.type().dbValue() + "' at step '" + q.stepId()
                    + "' auto-approved (repeat run of an approved program).");
            recorder.checkpoint(q.type(), description, proposed, context, auto, auto.notes());
            return auto;
        }
        CheckpointRequest.ModifiableValue modifiable = q.modifiable() == null ? null
                : new CheckpointRequest.ModifiableValue(q.modifiable().stepId(), recorder.redact(q.modifiable().selector()),
                        recorder.redact(q.modifiable().currentValue()));
        CheckpointRequest request = new CheckpointRequest(recorder.executionId(), recorder.redact(script.title()),
                q.stepId(), q.type(), description, proposed, context, modifiable, options.checkpointTimeout());
        recorder.paused();
        CheckpointDecision decision = await(request);
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
        boolean repeatOfApproved = (options.autoApproveRepeat() || script.autoApproveRepeat()) && script.approved()
                && script.executionCount() > 0;
        // Money and what cannot be undone always get a human, whatever the settings say.
        return repeatOfApproved && type != CheckpointType.FINANCIAL && type != CheckpointType.IRREVERSIBLE
                && type != CheckpointType.SCRIPT_REVIEW;
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
