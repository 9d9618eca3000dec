package dev.keyward.app.agent;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A prompt a test answers by hand: each question waits in a queue with its future. */
final class ScriptedPrompt implements ApprovalPrompt {

    record Asked(ApprovalQuestion question, CompletableFuture<Approval> answer) {
    }

    final BlockingQueue<Asked> asked = new LinkedBlockingQueue<>();
    final List<ApprovalQuestion> notAnswered = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Approval> ask(ApprovalQuestion question) {
        CompletableFuture<Approval> answer = new CompletableFuture<>();
        asked.add(new Asked(question, answer));
        return answer;
    }

    @Override
    public void notAnswered(ApprovalQuestion question) {
        notAnswered.add(question);
    }

    /** The next question shown (fails after 20 s without one). */
    Asked next() throws InterruptedException {
        Asked a = asked.poll(20, TimeUnit.SECONDS);
        if (a == null) {
            throw new AssertionError("no question was shown");
        }
        return a;
    }
}
