package dev.keyward.app.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The standing "Allow for this terminal session" grants of one unlocked session: each lets the same
 * kind of request ({@link AccessRequest.Access}) from the same kernel-identified terminal session
 * through for a fixed time. They live in memory only, so a restart never keeps one, and
 * {@link #endAll()} (every lock path) drops them and refuses new ones. Thread-safe.
 */
public final class TerminalGrants {

    /** How long a terminal-session grant lasts from the moment the person gives it. */
    public static final Duration LENGTH = Duration.ofMinutes(10);

    /** A grant's reach: a reveal grant never lets a change through, nor the other way round. */
    private record Reach(ClientProcess.TerminalSession session, AccessRequest.Access access) {
    }

    private final Clock clock;
    private final Duration length;
    private final Map<Reach, Instant> until = new HashMap<>();
    private boolean ended;

    public TerminalGrants(Clock clock) {
        this(clock, LENGTH);
    }

    public TerminalGrants(Clock clock, Duration length) {
        this.clock = clock;
        this.length = length;
    }

    /**
     * Grants {@code request}'s kind to its terminal session until {@link #LENGTH} from now; false (and
     * nothing granted) when the client has no terminal session the kernel vouches for, or grants ended.
     */
    public synchronized boolean grant(AccessRequest request) {
        Optional<ClientProcess.TerminalSession> session = request.client().terminalSession();
        // An AI agent's request is asked each time: its MCP server may share a person's terminal session.
        if (ended || session.isEmpty() || request.task().isPresent()) {
            return false;
        }
        until.put(new Reach(session.get(), request.access()), clock.instant().plus(length));
        return true;
    }

    /** Whether a grant still running covers {@code request}; an expired grant is forgotten. */
    public synchronized boolean covers(AccessRequest request) {
        Optional<ClientProcess.TerminalSession> session = request.client().terminalSession();
        // An AI agent's request is asked each time: its MCP server may share a person's terminal session.
        if (ended || session.isEmpty() || request.task().isPresent()) {
            return false;
        }
        Reach reach = new Reach(session.get(), request.access());
        Instant end = until.get(reach);
        if (end == null) {
            return false;
        }
        if (!clock.instant().isBefore(end)) {
            until.remove(reach);
            return false;
        }
        return true;
    }

    /** Drops every grant and refuses new ones: the session locked or stopped serving. */
    public synchronized void endAll() {
        ended = true;
        until.clear();
    }
}
