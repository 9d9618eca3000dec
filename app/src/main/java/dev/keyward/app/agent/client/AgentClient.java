package dev.keyward.app.agent.client;

import dev.keyward.app.child.ChildValues;
import dev.keyward.app.error.ErrorWording;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The command line's end of an agent conversation (docs/agent-protocol.md): says hello, sends one
 * command, prints what the agent sends back, feeds it stdin when asked, starts the program of a
 * {@code run} itself, and tells the caller how the command ended or that it must run directly.
 *
 * <p>Until the command is sent nothing has happened, so any trouble (no socket, a dead socket, a
 * hung or foreign agent) means "run it directly". Once it is sent the agent may have acted, so a
 * broken connection is reported, never retried.
 */
public final class AgentClient {

    /** How long a live agent has to answer hello before the client gives up on it. */
    static final long WELCOME_WAIT_MILLIS = 5_000;

    /** Exit code of a request the person refused or did not answer (docs/agent-protocol.md). */
    public static final int REFUSED = ErrorWording.REFUSED;

    private static final int ERROR = 1;
    private static final long HELLO_ID = 1;
    private static final long COMMAND_ID = 2;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final ChildLauncher children;
    private final Watcher watcher;
    /** An {@code exec} answer for {@code run --watch}, started once the connection is closed. */
    private WatchStart pendingWatch;

    /** How a command given to the agent ended. */
    public sealed interface Outcome {
    }

    /** The agent ran the command (or the client ran its program); exit with {@code code}. */
    public record Exited(int code) implements Outcome {
    }

    /**
     * Run the command directly. {@code lockedProfile} names the profile when the reason is that the
     * agent's profile is locked (the caller says so in one sentence), and is empty otherwise.
     */
    public record Direct(Optional<String> lockedProfile) implements Outcome {
    }

    /** Starts the program of an {@code exec} answer and returns its exit code. */
    @FunctionalInterface
    public interface ChildLauncher {
        /** Starts {@code argv} with {@code values}: its variables, and what is masked in its output. */
        int run(List<String> argv, ChildValues values, PrintStream err);
    }

    /**
     * What an {@code exec} answer for {@code run --watch} holds: the program, what it gets (its variables
     * and what is masked in its output), their stamps and the grace period (docs/agent-protocol.md, "run --watch").
     */
    public record WatchStart(List<String> argv, ChildValues values, Map<String, String> stamps,
                             java.time.Duration grace) {
        @Override
        public String toString() {
            return "WatchStart[" + argv.size() + " arguments, " + values + "]"; // never the values
        }
    }

    /** Starts and watches the program of a {@code run --watch} answer, and returns the run's exit code. */
    @FunctionalInterface
    public interface Watcher {
        int watch(Path socket, AgentRequest request, WatchStart start);
    }

    public AgentClient(InputStream in, PrintStream out, PrintStream err, ChildLauncher children) {
        this(in, out, err, children, new AgentWatch(System.getenv(), out, err));
    }

    public AgentClient(InputStream in, PrintStream out, PrintStream err, ChildLauncher children, Watcher watcher) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.children = children;
        this.watcher = watcher;
    }

    /** Gives {@code request} to the agent listening on {@code socket}. */
    public Outcome run(Path socket, AgentRequest request) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException | UnsupportedOperationException e) {
            return new Direct(Optional.empty());
        }
        try (channel) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            if (!servedByThisUser(channel)) {
                err.println("keyward: the agent socket " + socket + " is served by another user; it was not used.");
                return new Direct(Optional.empty());
            }
            FrameChannel frames = new FrameChannel(channel);
            Greeting greeting = greet(channel, frames, request);
            if (greeting.early().isPresent()) {
                return greeting.early().get();
            }
            frames.write(command(request));
            Outcome outcome = converse(frames, greeting.profile());
            if (outcome != null) {
                return outcome;
            }
        } catch (IOException | RuntimeException e) {
            // Reached only before the command was sent (converse handles its own failures).
            return new Direct(Optional.empty());
        }
        // A watch: its program runs after this connection closed; the watcher asks the agent anew.
        WatchStart start = pendingWatch;
        pendingWatch = null;
        return new Exited(watcher.watch(socket, request, start));
    }

    /**
     * Whether the process at the other end runs as this user (the kernel's {@code SO_PEERCRED}): an agent
     * of someone else could answer with a program for this client to start. Where the system cannot
     * tell, the socket folder's permissions (0700, this user's) are what protects it.
     */
    private static boolean servedByThisUser(SocketChannel channel) throws IOException {
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return peer.user().getName().equals(System.getProperty("user.name"));
        } catch (UnsupportedOperationException | NoClassDefFoundError e) {
            return true; // another OS, or a runtime linked without jdk.net
        }
    }

    /** The welcome's profile, and how the command ends already when the agent does not serve it unlocked. */
    private record Greeting(String profile, Optional<Outcome> early) {
    }

    /** Hello and welcome. */
    private Greeting greet(SocketChannel channel, FrameChannel frames, AgentRequest request) throws IOException {
        Map<String, Object> welcome = welcome(channel, frames);
        if ("bad-version".equals(welcome.get("type"))) {
            err.println("keyward: the running Keyward agent speaks another protocol version; running the command directly.");
            return new Greeting("", Optional.of(new Direct(Optional.empty())));
        }
        if (!"welcome".equals(welcome.get("type")) || !(welcome.get("profile") instanceof String profile)) {
            return new Greeting("", Optional.of(new Direct(Optional.empty())));
        }
        if (Boolean.TRUE.equals(welcome.get("locked"))) {
            // A command for another profile than the app's is not affected by the app being locked.
            // An app not unlocked since it started names no profile yet: it may open the one named.
            boolean sameProfile = profile.isEmpty() || request.profile().map(profile::equals).orElse(true);
            return new Greeting(profile, Optional.of(new Direct(sameProfile ? Optional.of(profile) : Optional.empty())));
        }
        return new Greeting(profile, Optional.empty());
    }

    /** Says hello and reads the answer; an agent that does not answer within {@link #WELCOME_WAIT_MILLIS} is hung up on. */
    private static Map<String, Object> welcome(SocketChannel channel, FrameChannel frames) throws IOException {
        CountDownLatch welcomed = new CountDownLatch(1);
        Thread watchdog = new Thread(new WelcomeWatchdog(welcomed, channel), "agent-welcome-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("type", "hello");
            hello.put("id", HELLO_ID);
            hello.put("client", "keyward-cli");
            String version = AgentClient.class.getPackage().getImplementationVersion();
            hello.put("version", version != null ? version : "0.1.0-SNAPSHOT");
            frames.write(hello);
            return frames.read();
        } finally {
            welcomed.countDown();
        }
    }

    /**
     * Closes the connection when no welcome came in time: a hung agent's blocked read then ends, and the
     * command runs directly. A class, not a lambda, for the fast path's start-up (see AgentFastPath).
     */
    private record WelcomeWatchdog(CountDownLatch welcomed, SocketChannel channel) implements Runnable {
        @Override
        public void run() {
            try {
                if (!welcomed.await(WELCOME_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    channel.close();
                }
            } catch (InterruptedException | IOException e) {
                // Nothing to do: the conversation goes on or has ended.
            }
        }
    }

    /**
     * Asks the desktop app on {@code socket}, when it is locked on {@code profile} (or any, when empty), to
     * bring its unlock window forward (docs/agent-protocol.md, {@code raise}); whether it was asked and
     * answered. Best effort: any trouble means false, and the caller falls back to the password prompt.
     */
    public boolean raiseUnlockWindow(Path socket, Optional<String> profile) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            if (!servedByThisUser(channel)) {
                return false;
            }
            FrameChannel frames = new FrameChannel(channel);
            Map<String, Object> welcome = welcome(channel, frames);
            if (!"welcome".equals(welcome.get("type")) || !Boolean.TRUE.equals(welcome.get("locked"))
                    || !"desktop".equals(welcome.get("server")) || !(welcome.get("profile") instanceof String served)
                    || !profile.map(served::equals).orElse(true)) {
                return false;
            }
            Map<String, Object> raise = new LinkedHashMap<>();
            raise.put("type", "raise");
            raise.put("id", COMMAND_ID);
            frames.write(raise);
            return "exit".equals(frames.read().get("type")); // the server raises the window after answering
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the agent on {@code socket} serves {@code profile} (or any, when empty) unlocked now. */
    public boolean servesUnlocked(Path socket, Optional<String> profile) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            if (!servedByThisUser(channel)) {
                return false;
            }
            Map<String, Object> welcome = welcome(channel, new FrameChannel(channel));
            return "welcome".equals(welcome.get("type")) && Boolean.FALSE.equals(welcome.get("locked"))
                    && welcome.get("profile") instanceof String served && profile.map(served::equals).orElse(true);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> command(AgentRequest request) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "command");
        frame.put("id", COMMAND_ID);
        frame.put("argv", request.argv());
        frame.put("cwd", request.cwd().toString());
        frame.put("env", request.env());
        frame.put("stdinTerminal", request.stdinTerminal());
        frame.put("stdoutTerminal", request.stdoutTerminal());
        return frame;
    }

    /** Reads the agent's answers to the command until its final frame. */
    private Outcome converse(FrameChannel frames, String profile) {
        boolean stdinSent = false;
        try {
            while (true) {
                Map<String, Object> frame = frames.read();
                if ("bad-frame".equals(frame.get("type")) && !frame.containsKey("id")) {
                    // The server refuses what it could not take as a request (it answers with no id): its
                    // sentence says why, and the connection ends by the rules, not because it broke.
                    err.println("keyward: the Keyward agent did not accept this request: "
                            + text(frame, "message").stripTrailing());
                    return new Exited(ERROR);
                }
                if (!(frame.get("id") instanceof Long id) || id != COMMAND_ID) {
                    throw new FrameChannel.BadFrameException("a frame for another request");
                }
                switch (String.valueOf(frame.get("type"))) {
                    case "out" -> out.print(text(frame, "data"));
                    case "err" -> err.print(text(frame, "data"));
                    case "stdin-wanted" -> {
                        if (!stdinSent) {
                            StdinPump.start(in, frames, COMMAND_ID);
                            stdinSent = true;
                        }
                    }
                    case "exit" -> {
                        return new Exited(code(frame));
                    }
                    case "exec" -> {
                        if (frame.containsKey("watchStamps")) {
                            pendingWatch = new WatchStart(strings(frame), values(frame),
                                    stringMap(frame, "watchStamps"), grace(frame));
                            return null;
                        }
                        return new Exited(children.run(strings(frame), values(frame), err));
                    }
                    case "locked" -> {
                        return new Direct(Optional.of(profile));
                    }
                    case "refused" -> {
                        // The refusal's sentence from the one error mapper, printed as the direct path prints errors.
                        err.println("keyward: " + text(frame, "message").stripTrailing());
                        return new Exited(REFUSED);
                    }
                    case "direct" -> {
                        return new Direct(Optional.empty());
                    }
                    case "bad-frame" -> {
                        err.println("keyward: the Keyward agent did not accept this request: "
                                + text(frame, "message").stripTrailing());
                        return new Exited(ERROR);
                    }
                    default -> throw new FrameChannel.BadFrameException("a frame of an unknown type");
                }
            }
        } catch (IOException | RuntimeException e) {
            out.flush();
            err.println("keyward: the connection to the Keyward agent broke before the command finished ("
                    + (e instanceof FrameChannel.BadFrameException ? e.getMessage() : "closed") + "),"
                    + " so it may or may not have run; check before running it again, or add --no-agent.");
            return new Exited(ERROR);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String text(Map<String, Object> frame, String field) throws FrameChannel.BadFrameException {
        if (frame.get(field) instanceof String s) {
            return s;
        }
        throw new FrameChannel.BadFrameException("a frame without its \"" + field + "\" text");
    }

    private static int code(Map<String, Object> frame) throws FrameChannel.BadFrameException {
        if (frame.get("code") instanceof Long code && code >= 0 && code <= 255) {
            return code.intValue();
        }
        throw new FrameChannel.BadFrameException("an exit frame without a code from 0 to 255");
    }

    private static List<String> strings(Map<String, Object> frame) throws FrameChannel.BadFrameException {
        if (frame.get("argv") instanceof List<?> list && !list.isEmpty()) {
            List<String> argv = new ArrayList<>(list.size());
            for (Object word : list) {
                if (!(word instanceof String text)) {
                    throw new FrameChannel.BadFrameException("an exec frame without a program to run");
                }
                argv.add(text);
            }
            return List.copyOf(argv);
        }
        throw new FrameChannel.BadFrameException("an exec frame without a program to run");
    }

    private static java.time.Duration grace(Map<String, Object> frame) throws FrameChannel.BadFrameException {
        if (frame.get("watchGraceMillis") instanceof Long millis && millis >= 0 && millis <= 600_000) {
            return java.time.Duration.ofMillis(millis);
        }
        throw new FrameChannel.BadFrameException("a watch without a grace period from 0 to 10 minutes");
    }

    private static Map<String, String> stringMap(Map<String, Object> frame, String field)
            throws FrameChannel.BadFrameException {
        Map<String, String> out = new LinkedHashMap<>();
        if (frame.get(field) instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getValue() instanceof String value)) {
                    throw new FrameChannel.BadFrameException("a frame whose \"" + field + "\" holds a non-text value");
                }
                out.put((String) entry.getKey(), value);
            }
            return out;
        }
        throw new FrameChannel.BadFrameException("a frame without its \"" + field + "\" object");
    }

    /** What an exec frame gives the program: {@code env}, the extra values of {@code mask}, and {@code masking}. */
    private static ChildValues values(Map<String, Object> frame) throws FrameChannel.BadFrameException {
        return new ChildValues(environment(frame), maskValues(frame), masking(frame));
    }

    /** The exec frame's {@code mask}: extra values to conceal; an agent that does not send it has none. */
    private static List<String> maskValues(Map<String, Object> frame) throws FrameChannel.BadFrameException {
        Object mask = frame.get("mask");
        if (mask == null) {
            return List.of();
        }
        if (mask instanceof List<?> list) {
            List<String> values = new ArrayList<>(list.size());
            for (Object value : list) {
                if (!(value instanceof String text)) {
                    throw new FrameChannel.BadFrameException("an exec frame whose mask holds a non-text value");
                }
                values.add(text);
            }
            return values;
        }
        throw new FrameChannel.BadFrameException("an exec frame whose mask is not a list");
    }

    /** Masking unless the frame says {@code false}: an agent that does not send the field wants the default. */
    private static boolean masking(Map<String, Object> frame) throws FrameChannel.BadFrameException {
        Object masking = frame.get("masking");
        if (masking != null && !(masking instanceof Boolean)) {
            throw new FrameChannel.BadFrameException("an exec frame whose masking is not true or false");
        }
        return !Boolean.FALSE.equals(masking);
    }

    private static Map<String, String> environment(Map<String, Object> frame) throws FrameChannel.BadFrameException {
        Map<String, String> env = new LinkedHashMap<>();
        if (frame.get("env") instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getValue() instanceof String value)) {
                    throw new FrameChannel.BadFrameException("an exec frame whose environment holds a non-text value");
                }
                env.put((String) entry.getKey(), value);
            }
            return env;
        }
        throw new FrameChannel.BadFrameException("an exec frame without an environment");
    }
}
