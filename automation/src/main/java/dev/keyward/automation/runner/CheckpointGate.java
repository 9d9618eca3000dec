package dev.keyward.automation.runner;

import java.util.concurrent.CompletableFuture;

/**
 * Asks a human to approve, reject or modify a step. The CLI prompts on the terminal
 * ({@link CliCheckpointGate}); the desktop shows a dialog that completes the future. The runner waits at
 * most {@link CheckpointRequest#timeout()} and treats no answer as a rejection, so an implementation never
 * needs its own timer (it may have one) and must not complete the future with an approval it did not get.
 */
@FunctionalInterface
public interface CheckpointGate {

    /** Shows the request and completes the future with the human's decision. */
    CompletableFuture<CheckpointDecision> ask(CheckpointRequest request);
}
