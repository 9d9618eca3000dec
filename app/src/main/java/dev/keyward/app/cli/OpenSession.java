package dev.keyward.app.cli;

import dev.keyward.app.session.SessionServices;
import dev.keyward.vault.session.VaultSession;

/**
 * A command's unlocked session and its services. When the command unlocked them itself they are closed
 * together when it ends: the services first (their HTTP clients and fetchers), then the session (its
 * keys are wiped). When the agent lent them ({@code owned} false) they stay open.
 */
public record OpenSession(VaultSession session, SessionServices services, boolean owned) implements AutoCloseable {

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            services.close();
        } finally {
            session.close();
        }
    }
}
