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

    /** The person denied the request or did not answer in time. */
    public static ApprovalRefusedException byPerson() {
        return new ApprovalRefusedException(ApprovalErrorKind.REFUSED_BY_PERSON, ErrorFacts.NONE);
    }

    /** A headless agent's scope, {@code projects}, does not cover the request. */
    public static ApprovalRefusedException outsideScope(Collection<String> projects) {
        return new ApprovalRefusedException(ApprovalErrorKind.OUTSIDE_AGENT_SCOPE,
                ErrorFacts.of(Fact.DETAIL, String.join(", ", projects)));
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
