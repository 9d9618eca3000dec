package dev.keyward.automation.program;

import java.util.Objects;
import java.util.Optional;

/**
 * The fields every step carries: its stable id, an optional timeout, an optional gate (a checkpoint
 * the program asks for before the step) and an optional description.
 *
 * @param id          unique within the program, {@code [a-z0-9_-]{1,64}}
 * @param timeoutMs   1..300000, or null for the runner's default
 * @param gate        checkpoint to ask for before the step, or null
 * @param description free text for the reviewer, or null; required on {@code checkpoint} steps
 */
public record StepHeader(String id, Integer timeoutMs, CheckpointType gate, String description) {

    public StepHeader {
        Objects.requireNonNull(id, "id");
    }

    /** A header with only an id. */
    public static StepHeader of(String id) {
        return new StepHeader(id, null, null, null);
    }

    public StepHeader withGate(CheckpointType newGate) {
        return new StepHeader(id, timeoutMs, newGate, description);
    }

    public StepHeader withTimeoutMs(Integer newTimeoutMs) {
        return new StepHeader(id, newTimeoutMs, gate, description);
    }

    public StepHeader withDescription(String newDescription) {
        return new StepHeader(id, timeoutMs, gate, newDescription);
    }

    public Optional<CheckpointType> gateIfAny() {
        return Optional.ofNullable(gate);
    }
}
