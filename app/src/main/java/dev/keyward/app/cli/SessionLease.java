package dev.keyward.app.cli;

import dev.keyward.vault.session.VaultSession;

/**
 * An unlocked session lent to one command. Closing the lease closes the session only when the command
 * unlocked it itself; a session lent by the agent stays open for the agent's next request.
 */
public final class SessionLease implements AutoCloseable {

    private final VaultSession session;
    private final boolean owned;

    private SessionLease(VaultSession session, boolean owned) {
        this.session = session;
        this.owned = owned;
    }

    /** A session the command unlocked: closed with the lease. */
    public static SessionLease owned(VaultSession session) {
        return new SessionLease(session, true);
    }

    /** A session someone else owns (the agent's): left open when the lease closes. */
    public static SessionLease lent(VaultSession session) {
        return new SessionLease(session, false);
    }

    public VaultSession session() {
        return session;
    }

    @Override
    public void close() {
        if (owned) {
            session.close();
        }
    }
}
