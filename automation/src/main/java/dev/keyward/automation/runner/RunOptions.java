package dev.keyward.automation.runner;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a program.
 *
 * @param inputs             values for the program's declared inputs (defaults fill the rest)
 * @param headed             show the browser window (a payment handoff then waits for the user)
 * @param autoApproveRepeat  on a repeat run of an approved program, approve checkpoints other than financial and
 *                           irreversible ones without asking (they are still recorded)
 * @param checkpointTimeout  no answer within this time means reject
 * @param handoffTimeout     how long a headed payment handoff keeps the window open for the user
 * @param defaultStepTimeout per attempt, for steps without {@code timeout_ms}
 */
public record RunOptions(Map<String, String> inputs, boolean headed, boolean autoApproveRepeat,
                         Duration checkpointTimeout, Duration handoffTimeout, Duration defaultStepTimeout) {

    public static final Duration DEFAULT_CHECKPOINT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HANDOFF_TIMEOUT = Duration.ofMinutes(15);
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(15);

    public RunOptions {
        inputs = Map.copyOf(inputs);
        Objects.requireNonNull(checkpointTimeout, "checkpointTimeout");
        Objects.requireNonNull(handoffTimeout, "handoffTimeout");
        Objects.requireNonNull(defaultStepTimeout, "defaultStepTimeout");
    }

    /** Headless, nothing auto-approved, default timeouts. */
    public static RunOptions defaults(Map<String, String> inputs) {
        return new RunOptions(inputs, false, false, DEFAULT_CHECKPOINT_TIMEOUT, DEFAULT_HANDOFF_TIMEOUT,
                DEFAULT_STEP_TIMEOUT);
    }

    public RunOptions withHeaded(boolean value) {
        return new RunOptions(inputs, value, autoApproveRepeat, checkpointTimeout, handoffTimeout, defaultStepTimeout);
    }

    public RunOptions withAutoApproveRepeat(boolean value) {
        return new RunOptions(inputs, headed, value, checkpointTimeout, handoffTimeout, defaultStepTimeout);
    }

    public RunOptions withCheckpointTimeout(Duration value) {
        return new RunOptions(inputs, headed, autoApproveRepeat, value, handoffTimeout, defaultStepTimeout);
    }

    public RunOptions withHandoffTimeout(Duration value) {
        return new RunOptions(inputs, headed, autoApproveRepeat, checkpointTimeout, value, defaultStepTimeout);
    }

    public RunOptions withDefaultStepTimeout(Duration value) {
        return new RunOptions(inputs, headed, autoApproveRepeat, checkpointTimeout, handoffTimeout, value);
    }
}
