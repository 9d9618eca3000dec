package dev.keyward.app.agent;

import dev.keyward.app.cli.KeywardCommand;
import dev.keyward.app.cli.OpenSession;
import dev.keyward.app.cli.SessionLease;
import dev.keyward.app.cli.SessionSource;
import dev.keyward.vault.refs.Reference;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's session source: commands borrow the served session and its services, which they leave
 * open. A lock between the command's start and its borrowing ends the command with {@code locked}.
 */
final class LentSessions implements SessionSource {

    private final AgentServer server;
    private final AgentConnection connection;
    private final Optional<Set<Reference>> approved;

    LentSessions(AgentServer server, AgentConnection connection) {
        this(server, connection, Optional.empty());
    }

    /** Sessions for a command approved by the references it names ({@code inject}, {@code run --env-file}). */
    LentSessions(AgentServer server, AgentConnection connection, Optional<Set<Reference>> approved) {
        this.server = server;
        this.connection = connection;
        this.approved = approved;
    }

    @Override
    public Optional<Set<Reference>> approvedReferences() {
        return approved;
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
