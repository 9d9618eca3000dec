package dev.keyward.app.agent;

/**
 * The desktop's approvals until its approval dialog is wired in: with nobody asked, every request
 * that reveals or changes secrets is denied (listing names needs no approval and still works).
 */
public final class DeniedWithoutDialog implements Approvals {

    @Override
    public Approval decide(AccessRequest request) {
        return Approval.DENY;
    }
}
