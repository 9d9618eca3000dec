package dev.keyward.app.agent;

/**
 * Decides whether an agent request that reveals or changes secrets may go ahead. The desktop asks
 * the person in a dialog; a headless agent answers from the scope it was started with and never asks.
 * Implementations are called from the agent's connection threads, never from the JavaFX thread.
 */
public interface Approvals {

    /**
     * Blocks until the request is decided: by a standing grant, by the person, or by the time limit
     * (no answer is {@link Approval#DENY}). Every decision is written to the audit log with the
     * client's command line, never a value.
     *
     * @throws InterruptedException when the agent stops (a lock, quit or {@code agent stop}) while it waits
     */
    Approval decide(AccessRequest request) throws InterruptedException;

    /**
     * The error a refused request ends with (exit code 6): what the agent words in its {@code refused}
     * frame through {@code ErrorWording.forCli} when {@link #decide} answered {@link Approval#DENY}.
     */
    default ApprovalRefusedException refusal(AccessRequest request) {
        return ApprovalRefusedException.byPerson();
    }
}
