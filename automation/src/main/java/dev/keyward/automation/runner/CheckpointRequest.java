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
        // Kept in the caller's order: a dialog shows the facts as the runner listed them.
        context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
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
     * @param shape        how a dialog shows and checks the value
     */
    public record ModifiableValue(String stepId, String selector, String currentValue, Shape shape) {

        /** A plain text value. */
        public ModifiableValue(String stepId, String selector, String currentValue) {
            this(stepId, selector, currentValue, Shape.TEXT);
        }

        /** What kind of value it is. */
        public enum Shape {
            /** Any text; the step's own checks apply. */
            TEXT,
            /**
             * A payment handoff's hosts: {@code currentValue} lists the hosts the page may reach (comma and space
             * separated), an answer lists hosts to add ({@link HandoffHosts#parse}).
             */
            HOSTS
        }
    }
}
