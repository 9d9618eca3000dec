package dev.keyward.app.agent;

import java.util.concurrent.CompletableFuture;

/** Asks the person about one request at a time: the approval window in the app, a scripted answer in tests. */
public interface ApprovalPrompt {

    /**
     * Shows {@code question} and returns the answer to come: {@link Approval#DENY} when the person
     * denies or closes the window. The caller cancels the future when time is up or the session
     * ends; the prompt then closes without an answer. Called from agent threads, never the JavaFX thread.
     */
    CompletableFuture<Approval> ask(ApprovalQuestion question);

    /** Tells the person that {@code question} went unanswered, so it was denied and nothing was shared. */
    void notAnswered(ApprovalQuestion question);
}
