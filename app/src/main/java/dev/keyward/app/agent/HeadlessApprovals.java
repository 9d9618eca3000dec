package dev.keyward.app.agent;

import dev.keyward.vault.redact.Redactor;

/**
 * The {@link Approvals} of {@code keyward agent start}: there is no person to ask, so a request inside
 * the agent's {@link AgentScope} is allowed and any other is refused, at once and without a dialog.
 * Each decision is audited like the desktop's; an allow that cannot be recorded becomes a refusal.
 */
public final class HeadlessApprovals implements Approvals {

    private final AgentScope scope;
    private final ProjectSecrets links;
    private final ApprovalAudit audit;
    private final Redactor redactor;
    private final Refusals refusals = new Refusals();

    public HeadlessApprovals(AgentScope scope, ProjectSecrets links, ApprovalAudit audit, Redactor redactor) {
        this.scope = scope;
        this.links = links;
        this.audit = audit;
        this.redactor = redactor;
    }

    @Override
    public Approval decide(AccessRequest request) {
        ClientDescription client = ClientDescription.of(request, redactor);
        ApprovalOutcome outcome = scope.covers(request, links)
                ? ApprovalOutcome.ALLOWED_IN_SCOPE : ApprovalOutcome.REFUSED_OUTSIDE_SCOPE;
        try {
            audit.record(client, outcome);
            return refusals.note(request, outcome);
        } catch (RuntimeException e) {
            return refusals.note(request, outcome.approval().allows() ? ApprovalOutcome.NOT_RECORDED : outcome);
        }
    }

    @Override
    public ApprovalRefusedException refusal(AccessRequest request) {
        ApprovalOutcome why = refusals.take(request);
        return why == ApprovalOutcome.NOT_RECORDED ? ApprovalRefusedException.of(why, DesktopApprovals.ANSWER_WITHIN)
                : ApprovalRefusedException.outsideScope(scope.projects());
    }
}
