package dev.keyward.app.agent;

import dev.keyward.app.session.SessionServices;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The desktop app's agent: listens from the app's start (or its first unlock) until quit, serves the
 * profile while it is unlocked, and stops serving at every lock (while still telling clients that the
 * app is locked).
 * When another agent already serves the data folder, the desktop leaves it be and serves nothing.
 */
public final class DesktopAgent implements AutoCloseable {

    private final Path dataRoot;
    private final Map<String, String> env;
    /** Asks the person for the session served now: each unlock brings its own (a lock closes them). */
    private volatile Approvals approvals = request -> Approval.DENY;
    private final Runnable lockApp;
    private final Runnable raiseApp;
    private AgentServer server;
    private boolean stopped;
    /** Set by {@link #stop} and {@link #close}: the start-up's {@link #listen}, run later on a worker, then does nothing. */
    private boolean toldOtherwise;
    private boolean closed;

    /**
     * @param lockApp   locks the app when a client asks ({@code keyward lock}); called off the JavaFX thread
     * @param raiseApp  brings the app's window forward when a client that found it locked asks; off the JavaFX thread
     */
    public DesktopAgent(Path dataRoot, Map<String, String> env, Runnable lockApp, Runnable raiseApp) {
        this.dataRoot = dataRoot;
        this.env = env;
        this.lockApp = lockApp;
        this.raiseApp = raiseApp;
    }

    /**
     * Serves {@code session}, asking {@code approvals} (the approval dialog of this unlock), starting to
     * listen on first use; false when another agent serves the folder.
     */
    public synchronized boolean unlocked(VaultSession session, SessionServices services, Approvals approvals) {
        this.approvals = approvals;
        if (!listening()) {
            return false;
        }
        server.serve(new ServedSession(session, services, Instant.now()));
        return true;
    }

    /**
     * Listens with nothing served, from the app's start: a command then learns that the app is open but
     * locked (and may offer its unlock window) instead of asking for the password unawares. The app calls
     * this on a worker thread, so a stop (serving turned off, {@code keyward agent stop}) or a quit may come
     * first: then it does nothing, as the later call it stands for would have been undone by them. False
     * when it does not listen (told otherwise, or another agent serves the folder).
     */
    public synchronized boolean listen() {
        if (toldOtherwise) {
            return false;
        }
        return listening();
    }

    /** Starts listening unless it does already or the agent was closed; false when another agent serves the folder. */
    private boolean listening() {
        if (closed) {
            return false;
        }
        stopped = false;
        if (server == null || server.isClosed()) {
            try {
                server = AgentServer.start(dataRoot, env, AgentServer.Mode.DESKTOP, new CurrentApprovals(), Argon2Params.DEFAULT,
                        new AgentServer.Control() {
                            @Override
                            public void lockRequested() {
                                lockApp.run();
                            }

                            @Override
                            public void stopRequested() {
                                stop();
                            }

                            @Override
                            public void raiseRequested() {
                                raiseApp.run();
                            }
                        }, Map::of);
            } catch (RuntimeException e) {
                server = null;
                return false;
            }
        }
        return true;
    }

    /** Stops serving values at once; requests in flight end with {@code locked}. */
    public synchronized void locked() {
        if (server != null) {
            server.lock();
        }
    }

    /**
     * Stops listening and removes the socket until the next {@link #unlocked} ({@code keyward agent stop},
     * or serving turned off in the app's settings); clients then run their commands directly.
     */
    public synchronized void stop() {
        stopped = true;
        toldOtherwise = true;
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The socket clients use, while listening. */
    public synchronized Optional<Path> socket() {
        return server == null || stopped ? Optional.empty() : Optional.of(server.socketPath());
    }

    @Override
    public synchronized void close() {
        closed = true;
        toldOtherwise = true;
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The server keeps one Approvals from its start to quit; this one follows the unlock served now. */
    private final class CurrentApprovals implements Approvals {

        @Override
        public Approval decide(AccessRequest request) throws InterruptedException {
            return approvals.decide(request);
        }

        @Override
        public ApprovalRefusedException refusal(AccessRequest request) {
            return approvals.refusal(request);
        }
    }
}
