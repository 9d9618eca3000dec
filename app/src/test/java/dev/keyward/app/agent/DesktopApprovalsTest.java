package dev.keyward.app.agent;

import static dev.keyward.app.agent.Requests.change;
import static dev.keyward.app.agent.Requests.inTerminal;
import static dev.keyward.app.agent.Requests.reveal;
import static dev.keyward.app.agent.Requests.withoutTerminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.redact.Redactor;
import dev.keyward.vault.testing.ManualClock;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DesktopApprovalsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T03:00:00Z"));
    private final ScriptedPrompt prompt = new ScriptedPrompt();
    private final List<ApprovalOutcome> audited = new CopyOnWriteArrayList<>();
    private final ExecutorService agentThreads = Executors.newCachedThreadPool();
    private Duration answerWithin = Duration.ofMinutes(5);
    private DesktopApprovals approvals = approvals();

    private DesktopApprovals approvals() {
        return new DesktopApprovals(prompt, (client, outcome) -> audited.add(outcome), Redactor.formatsOnly(),
                new TerminalGrants(clock), TerminalGrants.LENGTH, answerWithin);
    }

    @AfterEach
    void stop() {
        approvals.close();
        agentThreads.shutdownNow();
    }

    private Future<Approval> decideLater(AccessRequest request) {
        return agentThreads.submit(() -> approvals.decide(request));
    }

    private static Approval outcome(Future<Approval> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void allowOnceAllowsThatRequestOnlyAndTheNextOneAsksAgain() throws Exception {
        Future<Approval> first = decideLater(reveal(inTerminal(10, 42, "/dev/pts/3"), "A"));
        prompt.next().answer().complete(Approval.ALLOW_ONCE);
        assertEquals(Approval.ALLOW_ONCE, outcome(first));
        Future<Approval> second = decideLater(reveal(inTerminal(11, 42, "/dev/pts/3"), "A"));
        prompt.next().answer().complete(Approval.DENY);
        assertEquals(Approval.DENY, outcome(second));
        assertEquals(List.of(ApprovalOutcome.ALLOWED_ONCE, ApprovalOutcome.DENIED), audited);
        assertEquals(ApprovalErrorKind.REFUSED_BY_PERSON,
                approvals.refusal(reveal(inTerminal(11, 42, "/dev/pts/3"), "A")).kind());
    }

    @Test
    void aTerminalGrantLetsTheSameKindFromThatTerminalThroughForTenMinutesWithoutAsking() throws Exception {
        Future<Approval> first = decideLater(reveal(inTerminal(10, 42, "/dev/pts/3"), "A"));
        ScriptedPrompt.Asked asked = prompt.next();
        assertTrue(asked.question().offersTerminalGrant());
        asked.answer().complete(Approval.ALLOW_TERMINAL_SESSION);
        assertEquals(Approval.ALLOW_TERMINAL_SESSION, outcome(first));

        assertEquals(Approval.ALLOW_TERMINAL_SESSION, approvals.decide(reveal(inTerminal(11, 42, "/dev/pts/3"), "B")));
        assertTrue(prompt.asked.isEmpty(), "a granted request asks nobody");

        Future<Approval> change = decideLater(change(inTerminal(12, 42, "/dev/pts/3"), "B"));
        prompt.next().answer().complete(Approval.DENY);
        assertEquals(Approval.DENY, outcome(change), "a change is not covered by a reveal grant");

        clock.advance(Duration.ofMinutes(10));
        Future<Approval> late = decideLater(reveal(inTerminal(13, 42, "/dev/pts/3"), "B"));
        prompt.next().answer().complete(Approval.DENY);
        assertEquals(Approval.DENY, outcome(late), "after ten minutes the person is asked again");
        assertEquals(List.of(ApprovalOutcome.ALLOWED_FOR_TERMINAL, ApprovalOutcome.ALLOWED_BY_GRANT,
                ApprovalOutcome.DENIED, ApprovalOutcome.DENIED), audited);
    }

    @Test
    void aClientWithoutATerminalIsNotOfferedATerminalGrant() throws Exception {
        Future<Approval> f = decideLater(reveal(withoutTerminal(20), "A"));
        ScriptedPrompt.Asked asked = prompt.next();
        assertFalse(asked.question().offersTerminalGrant());
        asked.answer().complete(Approval.ALLOW_TERMINAL_SESSION); // a forged answer counts as once
        assertEquals(Approval.ALLOW_ONCE, outcome(f));
        Future<Approval> again = decideLater(reveal(withoutTerminal(20), "A"));
        prompt.next().answer().complete(Approval.DENY);
        assertEquals(Approval.DENY, outcome(again));
    }

    @Test
    void noAnswerInTimeIsDenyAndThePersonIsToldNothingWasShared() throws Exception {
        answerWithin = Duration.ofSeconds(1);
        approvals = approvals();
        AccessRequest request = reveal(inTerminal(10, 42, "/dev/pts/3"), "A");
        Future<Approval> f = decideLater(request);
        ScriptedPrompt.Asked asked = prompt.next();
        assertEquals(Approval.DENY, outcome(f));
        assertTrue(asked.answer().isCancelled(), "the window is told to close");
        assertEquals(List.of(asked.question()), prompt.notAnswered);
        assertEquals(List.of(ApprovalOutcome.NOT_ANSWERED), audited);
        assertEquals("Nobody answered the request in the Keyward app within 1 seconds, so it was denied;"
                + " nothing was shared.", approvals.refusal(request).getMessage());
    }

    @Test
    void questionsQueueOneAtATimeAndAGrantGivenMeanwhileAnswersTheQueuedOne() throws Exception {
        Future<Approval> a = decideLater(reveal(inTerminal(10, 42, "/dev/pts/3"), "A"));
        ScriptedPrompt.Asked first = prompt.next();
        Future<Approval> b = decideLater(reveal(inTerminal(30, 77, "/dev/pts/9"), "B"));
        assertTrue(prompt.asked.poll(300, TimeUnit.MILLISECONDS) == null, "a second window waits for the first");
        first.answer().complete(Approval.ALLOW_ONCE);
        prompt.next().answer().complete(Approval.DENY);
        assertEquals(Approval.ALLOW_ONCE, outcome(a));
        assertEquals(Approval.DENY, outcome(b));
    }

    @Test
    void aSecondRequestFromAClientAlreadyWaitingIsRefusedAtOnce() throws Exception {
        Future<Approval> first = decideLater(reveal(inTerminal(10, 42, "/dev/pts/3"), "A"));
        ScriptedPrompt.Asked asked = prompt.next();
        // Same terminal session, another process: refused without a second window.
        AccessRequest second = reveal(inTerminal(11, 42, "/dev/pts/3"), "B");
        assertEquals(Approval.DENY, outcome(decideLater(second)), "refused without waiting for the first");
        assertEquals(List.of(ApprovalOutcome.REFUSED_BUSY), audited);
        assertEquals(ApprovalErrorKind.TOO_MANY_WAITING, approvals.refusal(second).kind());
        asked.answer().complete(Approval.ALLOW_ONCE);
        assertEquals(Approval.ALLOW_ONCE, outcome(first));
    }

    @Test
    void aFloodFromManyProcessesNeverQueuesMoreThanTheLimit() throws Exception {
        Future<Approval> shown = decideLater(reveal(withoutTerminal(1000), "A"));
        ScriptedPrompt.Asked asked = prompt.next();
        List<Future<Approval>> queued = new java.util.ArrayList<>();
        for (int i = 1; i < DesktopApprovals.MAX_WAITING; i++) {
            queued.add(decideLater(reveal(withoutTerminal(1000 + i), "A")));
        }
        // Let the queued ones take their places before the flood goes on.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (approvals.waitingCount() < DesktopApprovals.MAX_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (int i = 0; i < 50; i++) {
            assertEquals(Approval.DENY, outcome(decideLater(reveal(withoutTerminal(2000 + i), "A"))),
                    "refused without waiting");
        }
        assertEquals(50, audited.stream().filter(o -> o == ApprovalOutcome.REFUSED_BUSY).count());
        asked.answer().complete(Approval.DENY);
        for (Future<Approval> f : queued) {
            prompt.next().answer().complete(Approval.DENY);
        }
        assertEquals(Approval.DENY, outcome(shown));
        for (Future<Approval> f : queued) {
            assertEquals(Approval.DENY, outcome(f));
        }
    }

    @Test
    void lockingDeniesTheShownAndQueuedQuestionsAndEndsTheGrants() throws Exception {
        Future<Approval> granted = decideLater(reveal(inTerminal(10, 42, "/dev/pts/3"), "A"));
        prompt.next().answer().complete(Approval.ALLOW_TERMINAL_SESSION);
        outcome(granted);
        AccessRequest shownRequest = change(inTerminal(11, 42, "/dev/pts/3"), "A");
        Future<Approval> shown = decideLater(shownRequest);
        ScriptedPrompt.Asked asked = prompt.next();
        Future<Approval> queued = decideLater(reveal(inTerminal(30, 77, "/dev/pts/9"), "B"));

        approvals.close();

        assertEquals(Approval.DENY, outcome(shown));
        assertTrue(asked.answer().isCancelled(), "the window closes");
        assertEquals(Approval.DENY, outcome(queued));
        assertEquals(Approval.DENY, approvals.decide(reveal(inTerminal(12, 42, "/dev/pts/3"), "A")),
                "the terminal grant ended with the lock");
        assertTrue(prompt.asked.isEmpty(), "nothing more is asked after the lock");
        assertEquals(3, audited.stream().filter(o -> o == ApprovalOutcome.ENDED).count(), audited.toString());
        assertEquals(ApprovalErrorKind.LOCKED_BEFORE_ANSWER, approvals.refusal(shownRequest).kind());
    }

    @Test
    void anAllowThatCannotBeAuditedIsRefused() throws Exception {
        List<ApprovalOutcome> tried = new CopyOnWriteArrayList<>();
        approvals = new DesktopApprovals(prompt, (client, outcome) -> {
            tried.add(outcome);
            throw new IllegalStateException("disk full");
        }, Redactor.formatsOnly(), new TerminalGrants(clock), TerminalGrants.LENGTH, answerWithin);
        AccessRequest request = reveal(inTerminal(10, 42, "/dev/pts/3"), "A");
        Future<Approval> f = decideLater(request);
        prompt.next().answer().complete(Approval.ALLOW_TERMINAL_SESSION);
        assertEquals(Approval.DENY, outcome(f));
        assertEquals(List.of(ApprovalOutcome.ALLOWED_FOR_TERMINAL, ApprovalOutcome.NOT_RECORDED), tried);
        assertEquals(ApprovalErrorKind.NOT_RECORDED, approvals.refusal(request).kind());
        Future<Approval> again = decideLater(reveal(inTerminal(11, 42, "/dev/pts/3"), "A"));
        prompt.next().answer().complete(Approval.DENY);
        assertEquals(Approval.DENY, outcome(again), "no grant was given");
    }

    @Test
    void anAgentStoppingWhileItWaitsEndsTheQuestion() throws Exception {
        Thread[] waiter = new Thread[1];
        Future<Approval> f = agentThreads.submit(() -> {
            waiter[0] = Thread.currentThread();
            return approvals.decide(reveal(inTerminal(10, 42, "/dev/pts/3"), "A"));
        });
        ScriptedPrompt.Asked asked = prompt.next();
        waiter[0].interrupt();
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> f.get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof InterruptedException);
        assertTrue(asked.answer().isCancelled());
        assertEquals(List.of(ApprovalOutcome.ENDED), audited);
    }
}
