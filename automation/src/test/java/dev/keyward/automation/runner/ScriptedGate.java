package dev.keyward.automation.runner;

import dev.keyward.automation.program.CheckpointType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A gate that answers from a rule, as a person at the dialog would, and remembers every question. */
final class ScriptedGate implements CheckpointGate {

    private final Function<CheckpointRequest, CheckpointDecision> answer;
    final List<CheckpointRequest> asked = new ArrayList<>();

    ScriptedGate(Function<CheckpointRequest, CheckpointDecision> answer) {
        this.answer = answer;
    }

    static ScriptedGate approvingAll() {
        return new ScriptedGate(r -> CheckpointDecision.approve("looks right"));
    }

    /** Approves everything except the first checkpoint of {@code type}, which it rejects. */
    static ScriptedGate rejecting(CheckpointType type) {
        return new ScriptedGate(r -> r.type() == type ? CheckpointDecision.reject("not now")
                : CheckpointDecision.approve(null));
    }

    @Override
    public CompletableFuture<CheckpointDecision> ask(CheckpointRequest request) {
        asked.add(request);
        return CompletableFuture.completedFuture(answer.apply(request));
    }

    List<CheckpointType> types() {
        return asked.stream().map(CheckpointRequest::type).toList();
    }
}
