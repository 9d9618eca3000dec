package dev.keyward.app.agent;

import dev.keyward.vault.session.VaultSession;

/**
 * Writes approval decisions into the unlocked session's audit log (category {@code secret}, subject
 * the client's process), each in its own transaction, with the client's described facts only.
 */
public final class SessionApprovalAudit implements ApprovalAudit {

    private final VaultSession session;

    public SessionApprovalAudit(VaultSession session) {
        this.session = session;
    }

    @Override
    public void record(ClientDescription client, ApprovalOutcome outcome) {
        session.database().write(c -> {
            // 'secret' is the closest category the schema's CHECK allows: every approval is about secret access.
            session.audit().record(c, "secret", outcome.action(), "agent_client", String.valueOf(client.pid()),
                    client.auditDetails());
            return null;
        });
    }
}
