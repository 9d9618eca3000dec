package dev.keyward.app.ui.automation;

/**
 * One line of the live step log: a step and its status as the runner reported it ({@code not_started},
 * {@code running}, {@code completed}, {@code failed}, {@code skipped}, {@code needs_review}).
 *
 * @param detail the runner's redacted error or note, or empty
 */
record StepLogEntry(int index, String stepId, String type, String status, int attempts, String detail) {

    static final String RUNNING = "running";

    StepLogEntry with(String newStatus, int newAttempts, String newDetail) {
        return new StepLogEntry(index, stepId, type, newStatus, newAttempts, newDetail == null ? "" : newDetail);
    }
}
