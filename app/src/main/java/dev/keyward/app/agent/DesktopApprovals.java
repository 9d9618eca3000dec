package dev.keyward.app.agent;

import dev.keyward.vault.redact.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The desktop's {@link Approvals}: a standing terminal-session grant answers at once; otherwise the
 * person is asked through an {@link ApprovalPrompt}, one question at a time, and no answer within
 * {@link #ANSWER_WITHIN} is a denial. Every outcome goes to the {@link ApprovalAudit} first; an allow
 * that cannot be recorded becomes a denial. JavaFX-free: the window is the prompt's business.
 *
 * <p>A flood of requests must not bury the person in windows, and an answer must never cover a request
 * the person did not see. So requests are never merged: a client source (its terminal session, else its
 * process) may have one request waiting, and at most {@link #MAX_WAITING} wait in all; any more are
 * refused at once (exit code 6, audited), and the client may ask again after the person has answered.
 *
 * <p>One instance serves one unlocked session: {@link #close()} on every lock path ends its grants and
 * denies whatever waits; nothing of it outlives the process.
 */
public final class DesktopApprovals implements Approvals, AutoCloseable {

    /** The time a person has to answer, in seconds (the sentences quote it). */
    public static final int ANSWER_WITHIN_SECONDS = 60;
    /** The time a person has to answer, counted from when the window shows the question. */
    public static final Duration ANSWER_WITHIN = Duration.ofSeconds(ANSWER_WITHIN_SECONDS);
    /** Most requests waiting at once, the one being shown included. */
    static final int MAX_WAITING = 4;

    private final ApprovalPrompt prompt;
    private final ApprovalAudit audit;
    private final Redactor redactor;
    private final TerminalGrants grants;
    private final Duration grantFor;
    private final Duration answerWithin;
    /** One question on screen at a time, in arrival order. */
    private final Semaphore turn = new Semaphore(1, true);
    private final Set<Object> waiting = new HashSet<>();
    private final Set<CompletableFuture<Approval>> shown = ConcurrentHashMap.newKeySet();
    private final Refusals refusals = new Refusals();
    private volatile boolean closed;

    /** The production approvals: 60 s to answer, 10-minute grants on {@code clock}. */
    public DesktopApprovals(ApprovalPrompt prompt, ApprovalAudit audit, Redactor redactor, Clock clock) {
        this(prompt, audit, redactor, new TerminalGrants(clock), TerminalGrants.LENGTH, ANSWER_WITHIN);
    }

    /** Approvals with the given grants and answer time (tests shorten the time). */
    public DesktopApprovals(ApprovalPrompt prompt, ApprovalAudit audit, Redactor redactor, TerminalGrants grants,
                            Duration grantFor, Duration answerWithin) {
        this.prompt = prompt;
        this.audit = audit;
        this.redactor = redactor;
        this.grants = grants;
        this.grantFor = grantFor;
        this.answerWithin = answerWithin;
    }

    @Override
    public Approval decide(AccessRequest request) throws InterruptedException {
        ClientDescription client = ClientDescription.of(request, redactor);
        if (closed) {
            return finish(request, client, ApprovalOutcome.ENDED);
        }
        if (grants.covers(request)) {
            return finish(request, client, ApprovalOutcome.ALLOWED_BY_GRANT);
        }
        Object source = request.client().terminalSession().<Object>map(s -> s).orElse(request.client().pid());
        if (!admit(source)) {
            return finish(request, client, ApprovalOutcome.REFUSED_BUSY);
        }
        try {
            turn.acquire();
            try {
                if (closed) {
                    return finish(request, client, ApprovalOutcome.ENDED);
                }
                // The question before this one may have granted this terminal session.
                if (grants.covers(request)) {
                    return finish(request, client, ApprovalOutcome.ALLOWED_BY_GRANT);
                }
                return ask(request, client);
            } finally {
                turn.release();
            }
        } catch (InterruptedException e) {
            finish(request, client, ApprovalOutcome.ENDED);
            throw e;
        } finally {
            leave(source);
        }
    }

    private Approval ask(AccessRequest request, ClientDescription client) throws InterruptedException {
        ApprovalQuestion question = new ApprovalQuestion(client, answerWithin, grantFor);
        CompletableFuture<Approval> answer = prompt.ask(question);
        shown.add(answer);
        if (closed) {
            answer.cancel(false); // closed while the question went up: close() may have missed it
        }
        try {
            Approval given = answer.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
            return switch (given) {
                case ALLOW_ONCE -> finish(request, client, ApprovalOutcome.ALLOWED_ONCE);
                case ALLOW_TERMINAL_SESSION -> allowForTerminal(request, client);
                case DENY -> finish(request, client, ApprovalOutcome.DENIED);
            };
        } catch (TimeoutException e) {
            answer.cancel(false);
            prompt.notAnswered(question);
            return finish(request, client, ApprovalOutcome.NOT_ANSWERED);
        } catch (CancellationException e) {
            return finish(request, client, ApprovalOutcome.ENDED);
        } catch (ExecutionException e) {
            return finish(request, client, ApprovalOutcome.DENIED);
        } catch (InterruptedException e) {
            answer.cancel(false);
            throw e;
        } finally {
            shown.remove(answer);
        }
    }

    /** Records the grant before giving it, so a grant that could not be recorded is never in force. */
    private Approval allowForTerminal(AccessRequest request, ClientDescription client) {
        if (!client.terminalGrant()) {
            return finish(request, client, ApprovalOutcome.ALLOWED_ONCE); // the window never offers it; treated as once
        }
        Approval approval = finish(request, client, ApprovalOutcome.ALLOWED_FOR_TERMINAL);
        if (approval.allows()) {
            grants.grant(request);
        }
        return approval;
    }

    private Approval finish(AccessRequest request, ClientDescription client, ApprovalOutcome outcome) {
        try {
            audit.record(client, outcome);
            return refusals.note(request, outcome);
        } catch (RuntimeException e) {
            if (!outcome.approval().allows()) {
                return refusals.note(request, outcome);
            }
            try {
                audit.record(client, ApprovalOutcome.NOT_RECORDED);
            } catch (RuntimeException again) {
                // Nothing more to try: the request is refused either way.
            }
            return refusals.note(request, ApprovalOutcome.NOT_RECORDED);
        }
    }

    /** The sentence for why {@code request} was refused: denied, unanswered, too many waiting, locked or unrecorded. */
    @Override
    public ApprovalRefusedException refusal(AccessRequest request) {
        return ApprovalRefusedException.of(refusals.take(request), answerWithin);
    }

    private synchronized boolean admit(Object source) {
        if (waiting.contains(source) || waiting.size() >= MAX_WAITING) {
            return false;
        }
        waiting.add(source);
        return true;
    }

    private synchronized void leave(Object source) {
        waiting.remove(source);
    }

    /** How many requests wait, the one shown included (tests). */
    synchronized int waitingCount() {
        return waiting.size();
    }

    /** Ends every grant and denies every waiting request: called on each lock path and when the agent stops. */
    @Override
    public void close() {
        closed = true;
        grants.endAll();
        for (CompletableFuture<Approval> answer : shown) {
            answer.cancel(false);
        }
    }
}
