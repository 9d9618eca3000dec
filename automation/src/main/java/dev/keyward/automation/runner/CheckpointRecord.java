package dev.keyward.automation.runner;

import dev.keyward.automation.program.CheckpointType;

/** One {@code hitl_checkpoints} row: a question put to a human and the answer, with redacted context. */
public record CheckpointRecord(
        String id,
        String executionId,
        CheckpointType type,
        String description,
        String proposedAction,
        String contextJson,
        CheckpointDecision.Kind decision,
        String userNotes,
        String decidedAt) {}
