package dev.keyward.automation.runner;

/**
 * One step's line in a run's result: its status, how many attempts it took, and a redacted error or note.
 *
 * @param error redacted sentence saying what went wrong and what to do, or null
 * @param note  redacted remark for the human (e.g. "handed to you at ..."), or null
 */
public record StepOutcome(String stepId, String type, StepStatus status, int attempts, String error, String note) {

    public static StepOutcome notStarted(String stepId, String type) {
        return new StepOutcome(stepId, type, StepStatus.NOT_STARTED, 0, null, null);
    }

    public StepOutcome with(StepStatus newStatus, int newAttempts, String newError, String newNote) {
        return new StepOutcome(stepId, type, newStatus, newAttempts, newError, newNote);
    }
}
