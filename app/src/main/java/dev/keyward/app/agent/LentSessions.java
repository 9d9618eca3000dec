package dev.keyward.app.agent;

import dev.keyward.app.cli.KeywardCommand;
import dev.keyward.app.cli.OpenSession;
import dev.keyward.app.cli.SessionLease;
import dev.keyward.app.cli.SessionSource;

/**
 * The agent's session source: commands borrow the served session and its services, which they leave
 * open. A lock between the command's start and its borrowing ends the command with {@code locked}.
 */
final class LentSessions implements SessionSource {

    private final AgentServer server;
    private final AgentConnection connection;

    LentSessions(AgentServer server, AgentConnection connection) {
        this.server = server;
        this.connection = connection;
    }

    @Override
    public SessionLease unlock(KeywardCommand root, boolean passwordFromStdin) {
        return SessionLease.lent(current().session());
    }

    @Override
    public OpenSession open(KeywardCommand root, boolean passwordFromStdin) {
        ServedSession served = current();
        return new OpenSession(served.session(), served.services(), false);
    }

    private ServedSession current() {
        ServedSession served = server.served().orElse(null);
        if (served == null || connection.lockedDuringRequest() || !served.session().isOpen()) {
            throw new LockedException();
        }
        return served;
    }

    /** The profile was locked while the command ran. */
    static final class LockedException extends RuntimeException {
        LockedException() {
            super("the profile was locked", null, false, false);
        }
    }
}
