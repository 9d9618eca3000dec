package dev.keyward.app.ui.automation;

import dev.keyward.automation.runner.CheckpointDecision;
import dev.keyward.automation.runner.CheckpointGate;
import dev.keyward.automation.runner.CheckpointRequest;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A checkpoint gate for one desktop run that the Stop button can end: a question still open is rejected
 * (the runner then ends the run as aborted) and every later question is rejected without asking.
 */
final class StoppableGate implements CheckpointGate {

    static final String STOPPED = "Stopped by you in the desktop app.";

    private final CheckpointGate human;
    private final Set<CompletableFuture<CheckpointDecision>> open = new HashSet<>();
    private boolean stopped;

    StoppableGate(CheckpointGate human) {
        this.human = human;
    }

    @Override
    public CompletableFuture<CheckpointDecision> ask(CheckpointRequest request) {
        synchronized (open) {
            if (stopped) {
                return CompletableFuture.completedFuture(CheckpointDecision.reject(STOPPED));
            }
        }
        CompletableFuture<CheckpointDecision> answer = human.ask(request);
        synchronized (open) {
            if (stopped) {
                answer.complete(CheckpointDecision.reject(STOPPED));
                return answer;
            }
            open.add(answer);
        }
        answer.whenComplete((d, e) -> {
            synchronized (open) {
                open.remove(answer);
            }
        });
        return answer;
    }

    /** Rejects the open question, if any, and every later one. */
    void stop() {
        Set<CompletableFuture<CheckpointDecision>> pending;
        synchronized (open) {
            stopped = true;
            pending = Set.copyOf(open);
        }
        pending.forEach(f -> f.complete(CheckpointDecision.reject(STOPPED)));
    }
}
