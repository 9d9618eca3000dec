package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.BadFrameException;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.agent.protocol.FrameCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client's connection: the hello, then any number of requests, each answered by frames ending in
 * one final frame. Every read and write has a deadline; a frame that breaks the
 * rules gets a {@code bad-frame} reply naming the rule (never its content) and the connection closes.
 * The deadline is the server's {@code silence} (30 s): it covers a client that sends nothing, one that
 * stalls inside a frame, and one that does not take what it is sent.
 */
final class AgentConnection implements Runnable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AgentConnection.class);

    private final AgentServer server;
    private final SocketChannel channel;
    private final ClientProcess client;
    private final InputStream in;
    private final OutputStream out;
    /** Guards the approval-wait state, so a lock interrupts a wait and never a read or write. */
    private final Object waitState = new Object();
    private Thread waiting;
    private volatile boolean lockedDuringRequest;

    AgentConnection(AgentServer server, SocketChannel channel, ClientProcess client) {
        this.server = server;
        this.channel = channel;
        this.client = client;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    @Override
    public void run() {
        try {
            Frame hello = next();
            if (hello == null) {
                return;
            }
            if (hello.version() != Frame.VERSION) {
                send(Frame.of("bad-version", 0).with("supported", List.of((long) Frame.VERSION)));
                return;
            }
            if (!"hello".equals(hello.type()) || hello.id() == 0) {
                throw new BadFrameException("the first frame is a hello with an id");
            }
            send(Frame.of("welcome", hello.id()).with("profile", server.profileName())
                    .with("server", server.mode().wire).with("locked", server.served().isEmpty()));
            while (true) {
                Frame request = next();
                if (request == null) {
                    return;
                }
                if (request.version() != Frame.VERSION || request.id() == 0) {
                    throw new BadFrameException("every request has \"v\":1 and an id");
                }
                if (!answer(request)) {
                    return;
                }
            }
        } catch (BadFrameException e) {
            try {
                send(Frame.of("bad-frame", 0).with("message", e.getMessage()));
            } catch (IOException gone) {
                // The client left; nothing more to tell it.
            }
        } catch (IOException e) {
            // A client that left, timed out or broke the stream: dropped without a trace of what it sent.
        } catch (RuntimeException e) {
            // A defect of the agent's own: named by its type and place only, since a message might quote a value.
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.warn("An agent connection ended by an unexpected {} at {}", e.getClass().getName(), at);
        } finally {
            drop();
            server.ended(this);
        }
    }

    /** Answers one request; false when the connection should close after it. */
    private boolean answer(Frame request) throws IOException, BadFrameException {
        switch (request.type()) {
            case "command" -> {
                server.requestArrived();
                lockedDuringRequest = false;
                new AgentCommand(server, this, client, request).run();
                return true;
            }
            case "tool" -> {
                server.requestArrived();
                lockedDuringRequest = false;
                new AgentTool(server, this, client, request).run();
                return true;
            }
            case "status" -> {
                Map<String, Object> status = new LinkedHashMap<>();
                server.served().ifPresent(s -> {
                    status.put("profile", s.session().profile().name());
                    status.put("since", s.since().toString());
                });
                status.put("socket", server.socketPath().toString());
                status.put("server", server.mode().wire);
                status.put("locked", server.served().isEmpty());
                status.put("pid", ProcessHandle.current().pid());
                status.putAll(server.statusExtras());
                Frame reply = Frame.of("status", request.id());
                status.forEach(reply::with);
                send(reply);
                return true;
            }
            case "raise" -> {
                send(Frame.of("exit", request.id()).with("code", 0));
                server.control().raiseRequested();
                return true;
            }
            case "lock", "stop" -> {
                send(Frame.of("exit", request.id()).with("code", 0));
                if ("lock".equals(request.type())) {
                    server.control().lockRequested();
                } else {
                    server.control().stopRequested();
                }
                return false;
            }
            default -> throw new BadFrameException("unknown request type");
        }
    }

    /** The next frame, or null when the client closed the connection between frames. */
    Frame next() throws IOException, BadFrameException {
        ScheduledFuture<?> deadline = deadline();
        try {
            return FrameCodec.read(in);
        } finally {
            deadline.cancel(false);
        }
    }

    /** Sends one frame; a client that does not take it within the deadline is dropped. */
    synchronized void send(Frame frame) throws IOException {
        ScheduledFuture<?> deadline = deadline();
        try {
            FrameCodec.write(out, frame);
        } finally {
            deadline.cancel(false);
        }
    }

    private ScheduledFuture<?> deadline() {
        return server.deadlines().schedule(this::drop, server.silence().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code decision} (an approval wait) so that a lock can interrupt it; the interrupt never
     * reaches the connection's reads and writes, which an interrupt would close.
     */
    Approval awaitApproval(ApprovalWait decision) throws InterruptedException {
        synchronized (waitState) {
            if (lockedDuringRequest) {
                throw new InterruptedException("locked");
            }
            waiting = Thread.currentThread();
        }
        try {
            return decision.decide();
        } finally {
            synchronized (waitState) {
                waiting = null;
                Thread.interrupted(); // a lock that came as the decision did must not close the channel later
            }
        }
    }

    /** A wait for a person's (or a scope's) answer. */
    interface ApprovalWait {
        Approval decide() throws InterruptedException;
    }

    /** The profile was locked: the request in flight ends with {@code locked}; an approval wait stops now. */
    void locked() {
        synchronized (waitState) {
            lockedDuringRequest = true;
            if (waiting != null) {
                waiting.interrupt();
            }
        }
    }

    boolean lockedDuringRequest() {
        return lockedDuringRequest;
    }

    void drop() {
        AgentServer.closeQuietly(channel);
    }
}
