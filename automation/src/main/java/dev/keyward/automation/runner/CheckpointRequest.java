package dev.keyward.automation.runner;

import dev.keyward.automation.program.CheckpointType;
import java.time.Duration;
import java.util.Map;

/**
 * What a checkpoint shows the human. Every text is already redacted: no secret value reaches a gate.
 *
 * @param executionId    the run asking
 * @param scriptTitle    the program's title
 * @param stepId         the step about to run (for a {@code script_review}, the first step)
 * @param type           what kind of action waits for approval
 * @param description    why the runner stopped
 * @param proposedAction what happens on approval
 * @param context        non-secret facts for the human (page URL, target, reason, inputs), in display order
 * @param modifiable     the value a "modify" answer replaces, or null when this checkpoint cannot be modified
 * @param timeout        after this long without an answer the runner rejects
 */
public record CheckpointRequest(
        String executionId,
        String scriptTitle,
        String stepId,
        CheckpointType type,
        String description,
        String proposedAction,
        Map<String, String> context,
        ModifiableValue modifiable,
        Duration timeout) {

    public CheckpointRequest {
        context = Map.copyOf(context);
    }

    /** Whether a "modify VALUE" answer is accepted. */
    public boolean canModify() {
        return modifiable != null;
    }

    /**
     * A value the human may replace before the step runs.
     *
     * @param stepId       the step whose value it is (the gated step itself, or the fill it submits)
     * @param selector     the field it goes into, resolved
     * @param currentValue what the program would use; never a secret
     */
    public record ModifiableValue(String stepId, String selector, String currentValue) {}
}
