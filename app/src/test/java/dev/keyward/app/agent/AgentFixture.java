package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.BadFrameException;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.session.SessionServices;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A real SQCipher profile with one secret linked in one project, and a way to talk to an agent about it. */
final class AgentFixture {

    static final String PASSWORD = "agent-fixture-password-7";
    static final String SECRET = "OPENAI_API_KEY";
    static final String CANARY = "sk-agent-canary-4e1f0c9b7a";
    static final String UNLINKED = "STRIPE_KEY";
    static final String UNLINKED_CANARY = "sk-unlinked-canary-93ab";
    static final String PROJECT = "app";

    private AgentFixture() {
    }

    /** Creates profile "work" under {@code data} (the cheapest KDF) with the fixture's secrets and project. */
    static ProfileService createProfile(Path data) {
        ProfileService profiles = new ProfileService(new DataRoot(data), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            ProfileService.Created created = profiles.create("work", password);
            created.recoveryCode().close();
            try (VaultSession session = profiles.unlock(created.profile(), password)) {
                session.secrets().add(SECRET, CANARY.toCharArray(), null);
                session.secrets().add(UNLINKED, UNLINKED_CANARY.toCharArray(), null);
                session.projects().create(PROJECT, null);
                session.projects().link(PROJECT, SECRET, SECRET);
            }
        }
        return profiles;
    }

    static VaultSession unlock(ProfileService profiles) {
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            return profiles.unlock(profiles.resolve("work"), password);
        }
    }

    /** A served session and its services, closed together. */
    record Served(VaultSession session, SessionServices services) implements AutoCloseable {
        static Served open(ProfileService profiles, Path data) {
            VaultSession session = unlock(profiles);
            return new Served(session, SessionServices.open(session, data));
        }

        @Override
        public void close() {
            services.close();
            session.close();
        }
    }

    /** An agent that ignores lock and stop requests: the test ends it by closing its {@link Agent}. */
    static final AgentServer.Control NO_CONTROL = new AgentServer.Control() {
        @Override
        public void lockRequested() {
        }

        @Override
        public void stopRequested() {
        }
    };

    /** The fixture's profile served by a real agent on its socket, closed together. */
    record Agent(Path data, Served served, AgentServer server) implements AutoCloseable {
        Path socket() {
            return server.socketPath();
        }

        VaultSession session() {
            return served.session();
        }

        /** Stops this server and serves the same open session with another in {@code mode}. */
        Agent restart(AgentServer.Mode mode, Approvals approvals) {
            server.close();
            return new Agent(data, served, startServing(data, served, mode, approvals, NO_CONTROL, AgentServer.SILENCE));
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                served.close();
            }
        }
    }

    /** Creates the fixture's profile under {@code data} and serves it with a headless agent that asks {@code approvals}. */
    static Agent serve(Path data, Approvals approvals) {
        return serve(data, served -> approvals, NO_CONTROL, AgentServer.SILENCE);
    }

    /**
     * Creates the fixture's profile under {@code data} and serves it with a headless agent; {@code approvals}
     * is made from the open session (a scope reads its projects), {@code silence} is how long a quiet client is kept.
     */
    static Agent serve(Path data, Function<Served, Approvals> approvals, AgentServer.Control control, Duration silence) {
        Served served = Served.open(createProfile(data), data);
        try {
            return new Agent(data, served, startServing(data, served, AgentServer.Mode.HEADLESS, approvals.apply(served), control,
                    silence));
        } catch (RuntimeException e) {
            served.close();
            throw e;
        }
    }

    private static AgentServer startServing(Path data, Served served, AgentServer.Mode mode, Approvals approvals,
                                            AgentServer.Control control, Duration silence) {
        AgentServer server = AgentServer.start(data, Map.of(), mode, approvals, Argon2Params.FLOOR, control, Map::of, silence);
        server.serve(new ServedSession(served.session(), served.services(), Instant.now()));
        return server;
    }

    /** What one command request got back: its out and err text, and its final frame. */
    record Reply(String out, String err, Frame last) {
        String type() {
            return last.type();
        }
    }

    /** Sends a command from this process's own folder and collects frames up to the final one. */
    static Reply command(AgentLink link, Map<String, String> env, String stdin, String... argv)
            throws IOException, BadFrameException {
        return command(link, Path.of("").toAbsolutePath().toString(), env, stdin, argv);
    }

    static Reply command(AgentLink link, String cwd, Map<String, String> env, String stdin, String... argv)
            throws IOException, BadFrameException {
        Frame first = link.request(Frame.of("command", 0).with("argv", List.of(argv)).with("cwd", cwd).with("env", env)
                .with("stdinTerminal", false).with("stdoutTerminal", false));
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Frame frame = first;
        while (true) {
            if (frame == null) {
                throw new IOException("the agent closed the connection before a final frame");
            }
            switch (frame.type()) {
                case "out" -> out.append(frame.string("data"));
                case "err" -> err.append(frame.string("data"));
                case "stdin-wanted" -> link.send(Frame.of("stdin", frame.id()).with("data", stdin == null ? "" : stdin)
                        .with("eof", true));
                default -> {
                    return new Reply(out.toString(), err.toString(), frame);
                }
            }
            frame = link.next();
        }
    }

    /** Approvals for tests: answers as told and keeps every request it was asked. */
    static final class RecordingApprovals implements Approvals {
        final List<AccessRequest> asked = new ArrayList<>();
        volatile Approval answer = Approval.ALLOW_ONCE;
        /** Runs while the request is being decided (a file changed behind the person's back, say). */
        volatile Runnable whileDeciding = () -> { };

        @Override
        public synchronized Approval decide(AccessRequest request) {
            asked.add(request);
            whileDeciding.run();
            return answer;
        }
    }

    static final Set<String> FINAL_TYPES = Set.of("exit", "exec", "locked", "refused", "direct", "bad-frame");
}
