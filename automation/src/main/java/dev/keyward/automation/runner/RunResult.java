package dev.keyward.automation.runner;

import dev.keyward.vault.TypedError;
import java.util.List;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param error      redacted sentence for the user, null on success
 * @param outputs    non-secret values read by {@code extract} steps into outputs
 * @param handoffUrl the page handed to the user to pay, or null
 * @param stoppedBy  the typed error when the page ended the run (it stopped responding, crashed or flooded the
 *                   browser), or null; {@code error} is its sentence
 */
public record RunResult(String executionId, ExecutionStatus status, String error, List<StepOutcome> steps,
                        Map<String, String> outputs, String handoffUrl, TypedError stoppedBy) {

    public RunResult {
        steps = List.copyOf(steps);
        outputs = Map.copyOf(outputs);
    }
}
