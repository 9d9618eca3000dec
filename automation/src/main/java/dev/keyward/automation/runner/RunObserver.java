package dev.keyward.automation.runner;

/**
 * Follows a run as it happens (the CLI prints lines, the desktop fills its live step log). Called on the
 * runner's thread; every text is already redacted.
 */
public interface RunObserver {

    RunObserver NONE = new RunObserver() {};

    default void runStarted(String executionId, String title, int steps) {}

    default void stepStarted(int index, String stepId, String type) {}

    default void stepFinished(int index, StepOutcome outcome) {}

    /** A sentence for the human, e.g. where a payment was handed over. */
    default void notice(String text) {}

    default void runFinished(RunResult result) {}
}
