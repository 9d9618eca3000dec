package dev.keyward.app.cli;

import dev.keyward.app.session.SessionServices;
import dev.keyward.vault.session.VaultSession;

/**
 * A command's unlocked session and its services, closed together when the command ends: the services
 * first (their HTTP clients and fetchers), then the session (its keys are wiped).
 */
record OpenSession(VaultSession session, SessionServices services) implements AutoCloseable {

    @Override
    public void close() {
        try {
            services.close();
        } finally {
            session.close();
        }
    }
}
