package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.vault.crypto.Argon2Params;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serves one data root's unlocked profile on its Unix domain socket (docs/agent-protocol.md): accepts
 * connections, drops other users before reading a byte, and gives each connection its own thread and
 * deadline. {@link #serve} starts serving a session, {@link #lock} stops at once (requests in flight end
 * with {@code locked}, approval waits are interrupted) while hellos still learn that the app is locked,
 * and {@link #close} stops listening.
 */
public final class AgentServer implements AutoCloseable {

    /** Who runs the agent: the desktop app, or {@code keyward agent start}. */
    public enum Mode {
        DESKTOP("desktop"), HEADLESS("headless");

        final String wire;

        Mode(String wire) {
            this.wire = wire;
        }
    }

    /** What a client may ask of the agent's owner: {@code keyward lock} and {@code keyward agent stop}. */
    public interface Control {
        /** Lock the profile (the desktop locks; a headless agent stops). */
        void lockRequested();

        /** Stop serving (a headless agent ends its process). */
        void stopRequested();

        /** Bring the unlock window forward (a client found the app locked); nothing for a headless agent. */
        default void raiseRequested() {
        }
    }

    /** How long the server waits for a client to send (or to take what it is sent) before dropping it. */
    static final Duration SILENCE = Duration.ofSeconds(30);

    /** The most connections served at once; more are closed unread. */
    static final int MAX_CONNECTIONS = 32;

    private final AgentSocket socket;
    private final Path dataRoot;
    private final Mode mode;
    private final Approvals approvals;
    private final Argon2Params kdfParams;
    private final Control control;
    private final Supplier<Map<String, Object>> statusExtras;
    private final Clock clock;
    /** How long a connection may keep the server waiting on a read or a write before it is dropped. */
    private final Duration silence;
    private final ScheduledExecutorService deadlines;
    private final Set<AgentConnection> connections = ConcurrentHashMap.newKeySet();
    /** One command at a time runs in the shared session (approval waits are outside it). */
    private final ReentrantLock commands = new ReentrantLock(true);
    private final Thread acceptor;
    private volatile ServedSession served;
    /** The profile served last: a locked app's welcome still names it, so a client can say which profile is locked. */
    private volatile String profileName = ""; // none served yet: the desktop app listens from its start
    private volatile Instant lastRequest;
    private volatile boolean closed;

    private AgentServer(AgentSocket socket, Path dataRoot, Mode mode, Approvals approvals, Argon2Params kdfParams,
                        Control control, Supplier<Map<String, Object>> statusExtras, Clock clock, Duration silence) {
        this.socket = socket;
        this.dataRoot = dataRoot;
        this.mode = mode;
        this.approvals = approvals;
        this.kdfParams = kdfParams;
        this.control = control;
        this.statusExtras = statusExtras;
        this.clock = clock;
        this.silence = silence;
        this.lastRequest = clock.instant();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "keyward-agent-deadlines"));
        this.acceptor = daemon(this::acceptLoop, "keyward-agent-accept");
    }

    /**
     * Listens for the data root {@code dataRoot} (socket path from {@code env}); serves nothing until
     * {@link #serve}. Refused (OperationFailedException) when another agent answers on the socket.
     */
    public static AgentServer start(Path dataRoot, Map<String, String> env, Mode mode, Approvals approvals,
                                    Argon2Params kdfParams, Control control, Supplier<Map<String, Object>> statusExtras) {
        return start(dataRoot, env, mode, approvals, kdfParams, control, statusExtras, SILENCE);
    }

    /** {@link #start} with how long a silent or stalled connection is kept ({@link #SILENCE}; tests shorten it). */
    static AgentServer start(Path dataRoot, Map<String, String> env, Mode mode, Approvals approvals,
                             Argon2Params kdfParams, Control control, Supplier<Map<String, Object>> statusExtras,
                             Duration silence) {
        Path root = dataRoot.toAbsolutePath().normalize();
        AgentSocket socket = AgentSocket.bind(AgentSocketPath.of(root, env));
        AgentServer server = new AgentServer(socket, root, mode, approvals, kdfParams, control, statusExtras,
                Clock.systemUTC(), silence);
        server.acceptor.start();
        return server;
    }

    /** Serves {@code session} from now on (after an unlock). */
    public void serve(ServedSession session) {
        profileName = session.session().profile().name();
        served = session;
        lastRequest = clock.instant();
    }

    /**
     * Stops serving values at once: requests in flight end with {@code locked} and approval waits are
     * interrupted. The socket stays, so clients learn that the profile is locked.
     */
    public void lock() {
        served = null;
        connections.forEach(AgentConnection::locked);
    }

    /** Locks, stops listening, removes the socket and drops every connection. */
    @Override
    public void close() {
        close(() -> { });
    }

    /**
     * Like {@link #close()}, running {@code release} (closing what was served) before the socket file
     * goes: {@code keyward lock} and {@code agent stop} wait for the file to go, and must find the
     * vault closed when it has, not still being written by this process.
     */
    public void close(Runnable release) {
        closed = true;
        lock();
        socket.stopListening();
        connections.forEach(AgentConnection::drop);
        deadlines.shutdownNow();
        try {
            release.run();
        } finally {
            socket.close();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** The socket file clients connect to. */
    public Path socketPath() {
        return socket.path().socket();
    }

    /** When the last command arrived (or serving began): the headless agent's idle clock. */
    public Instant lastRequest() {
        return lastRequest;
    }

    /** The served profile's name, kept while locked. */
    String profileName() {
        return profileName;
    }

    Optional<ServedSession> served() {
        return Optional.ofNullable(served);
    }

    Path dataRoot() {
        return dataRoot;
    }

    Mode mode() {
        return mode;
    }

    Approvals approvals() {
        return approvals;
    }

    Argon2Params kdfParams() {
        return kdfParams;
    }

    Control control() {
        return control;
    }

    Map<String, Object> statusExtras() {
        return statusExtras.get();
    }

    Duration silence() {
        return silence;
    }

    ScheduledExecutorService deadlines() {
        return deadlines;
    }

    ReentrantLock commands() {
        return commands;
    }

    void requestArrived() {
        lastRequest = clock.instant();
    }

    void ended(AgentConnection connection) {
        connections.remove(connection);
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            Optional<PeerCredentials.Peer> peer = PeerCredentials.sameUserPeer(channel);
            if (peer.isEmpty() || connections.size() >= MAX_CONNECTIONS || closed) {
                // Another user (or one too many): closed before a byte is read.
                closeQuietly(channel);
                continue;
            }
            AgentConnection connection = new AgentConnection(this, channel, ClientProcesses.describe(peer.get()));
            connections.add(connection);
            daemon(connection, "keyward-agent-connection").start();
        }
    }

    static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to do with a connection that is going away.
        }
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
