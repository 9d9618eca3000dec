package dev.keyward.app.agent;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Remedy;

/** Why the agent refused a request at its approval step (exit code 6), each with its fact sentence and remedy. */
public enum ApprovalErrorKind implements ErrorKind {
    /** The person chose Deny or closed the approval window. */
    REFUSED_BY_PERSON("The request was denied in the Keyward app; nothing was shared.", Remedy.ALLOW_IN_APP),
    /** Nobody answered the approval window in time. */
    NOT_ANSWERED("Nobody answered the request in the Keyward app within {count} seconds, so it was denied;"
            + " nothing was shared.", Remedy.ALLOW_IN_APP),
    /** Refused unasked so that a flood of requests cannot bury the person in windows. */
    TOO_MANY_WAITING("The Keyward app is already asking about another request from this terminal, or about too"
            + " many others, so this one was refused; nothing was shared.", Remedy.TRY_AGAIN),
    /** The profile locked (or the agent stopped) before an answer. */
    LOCKED_BEFORE_ANSWER("The profile was locked before the request was answered; nothing was shared.", Remedy.NONE),
    /** The decision could not be written to the audit log, so nothing was allowed. */
    NOT_RECORDED("The decision could not be written to the audit log, so the request was refused; nothing was"
            + " shared.", Remedy.VERIFY_IF_REPEATED),
    /** A headless agent serves only the projects it was started for, and the request reaches beyond them. */
    OUTSIDE_AGENT_SCOPE("This agent serves only the projects {detail}, and the request reaches beyond them;"
            + " nothing was shared.", Remedy.NONE);

    private final String template;
    private final Remedy remedy;

    ApprovalErrorKind(String template, Remedy remedy) {
        this.template = template;
        this.remedy = remedy;
    }

    @Override
    public String describe(ErrorFacts facts) {
        return facts.fill(template);
    }

    @Override
    public Remedy remedy() {
        return remedy;
    }
}
