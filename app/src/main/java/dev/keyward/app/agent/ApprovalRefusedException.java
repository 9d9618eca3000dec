package dev.keyward.app.agent;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.TypedError;
import java.util.Collection;

/**
 * A request the agent refused at its approval step; the command line exits with code 6 and the
 * sentence {@code ErrorWording} gives it. Its message names projects at most, never a value.
 */
public final class ApprovalRefusedException extends RuntimeException implements TypedError {

    private final ApprovalErrorKind kind;
    private final ErrorFacts facts;

    public ApprovalRefusedException(ApprovalErrorKind kind, ErrorFacts facts) {
        super(kind.describe(facts));
        this.kind = kind;
        this.facts = facts;
    }

    /** The person denied the request. */
    public static ApprovalRefusedException byPerson() {
        return new ApprovalRefusedException(ApprovalErrorKind.REFUSED_BY_PERSON, ErrorFacts.NONE);
    }

    /** A headless agent's scope, {@code projects}, does not cover the request. */
    public static ApprovalRefusedException outsideScope(Collection<String> projects) {
        return new ApprovalRefusedException(ApprovalErrorKind.OUTSIDE_AGENT_SCOPE,
                ErrorFacts.of(Fact.DETAIL, String.join(", ", projects)));
    }

    /** The refusal that words {@code outcome}; a denial by the person for an outcome that allows (never asked for). */
    public static ApprovalRefusedException of(ApprovalOutcome outcome, java.time.Duration answerWithin) {
        return switch (outcome) {
            case NOT_ANSWERED -> new ApprovalRefusedException(ApprovalErrorKind.NOT_ANSWERED,
                    ErrorFacts.of(Fact.COUNT, answerWithin.toSeconds()));
            case REFUSED_BUSY -> new ApprovalRefusedException(ApprovalErrorKind.TOO_MANY_WAITING, ErrorFacts.NONE);
            case ENDED -> new ApprovalRefusedException(ApprovalErrorKind.LOCKED_BEFORE_ANSWER, ErrorFacts.NONE);
            case NOT_RECORDED -> new ApprovalRefusedException(ApprovalErrorKind.NOT_RECORDED, ErrorFacts.NONE);
            default -> byPerson();
        };
    }

    @Override
    public ApprovalErrorKind kind() {
        return kind;
    }

    @Override
    public ErrorFacts facts() {
        return facts;
    }

    @Override
    public Remedy remedy() {
        return kind.remedy();
    }
}
