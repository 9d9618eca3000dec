package dev.keyward.app.agent;

/** How one request was decided, as the audit log records it ({@code agent_<action>}). */
public enum ApprovalOutcome {
    /** The person chose Allow once. */
    ALLOWED_ONCE("allow_once", Approval.ALLOW_ONCE),
    /** The person chose Allow for this terminal session. */
    ALLOWED_FOR_TERMINAL("allow_terminal_session", Approval.ALLOW_TERMINAL_SESSION),
    /** A terminal-session grant still running let it through without asking. */
    ALLOWED_BY_GRANT("allow_by_grant", Approval.ALLOW_TERMINAL_SESSION),
    /** A headless agent's scope covers it. */
    ALLOWED_IN_SCOPE("allow_in_scope", Approval.ALLOW_ONCE),
    /** The person chose Deny or closed the approval window. */
    DENIED("deny", Approval.DENY),
    /** Nobody answered within the time allowed. */
    NOT_ANSWERED("deny_no_answer", Approval.DENY),
    /** Refused without asking: the same client already waits, or too many requests wait. */
    REFUSED_BUSY("deny_busy", Approval.DENY),
    /** Refused without asking: outside a headless agent's scope. */
    REFUSED_OUTSIDE_SCOPE("deny_outside_scope", Approval.DENY),
    /** The session locked (or the agent stopped) before an answer. */
    ENDED("deny_locked", Approval.DENY),
    /** The answer could not be written to the audit log, so the request is refused. */
    NOT_RECORDED("deny_not_recorded", Approval.DENY);

    private final String action;
    private final Approval approval;

    ApprovalOutcome(String action, Approval approval) {
        this.action = action;
        this.approval = approval;
    }

    /** The audit log's action name. */
    public String action() {
        return "agent_" + action;
    }

    /** What {@link Approvals#decide} answers for this outcome. */
    public Approval approval() {
        return approval;
    }
}
