package dev.keyward.app.agent;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Remedy;

/** Why the agent refused a request at its approval step (exit code 6), each with its fact sentence and remedy. */
public enum ApprovalErrorKind implements ErrorKind {
    /** The person chose Deny, closed the approval window, or did not answer in time. */
    REFUSED_BY_PERSON("The request was denied in the Keyward app, or not answered within "
            + DesktopApprovals.ANSWER_WITHIN_SECONDS + " seconds; nothing was shared.", Remedy.ALLOW_IN_APP),
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
