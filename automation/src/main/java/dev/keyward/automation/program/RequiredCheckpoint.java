package dev.keyward.automation.program;

/**
 * A checkpoint the runner's own risk rules demand before a step, with the reason shown to the human.
 */
public record RequiredCheckpoint(CheckpointType type, String reason) {}
