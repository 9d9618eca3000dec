package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.BadFrameException;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.cli.CommandTree;
import dev.keyward.app.cli.ErrorReport;
import dev.keyward.app.cli.KeywardCommand;
import dev.keyward.app.cli.Terminal;
import dev.keyward.app.error.ErrorWording;
import dev.keyward.vault.process.ChildEnvironment;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * One {@code command} request: checked (variables, working folder, profile and data root), classified
 * ({@link CommandAccess}), approved when it reveals or changes, then run through the same picocli tree
 * as the command line, inside the served session, with its output sent back as frames.
 */
final class AgentCommand {

    /** The only variables a request may carry: the ones Keyward's commands read. */
    static final Set<String> REQUEST_VARIABLES = Set.of("KEYWARD_PROFILE", "KEYWARD_HOME", "NO_COLOR", "TERM", "COLUMNS");

    private final AgentServer server;
    private final AgentConnection connection;
    private final ClientProcess client;
    private final Frame request;
    private final long id;

    AgentCommand(AgentServer server, AgentConnection connection, ClientProcess client, Frame request) {
        this.server = server;
        this.connection = connection;
        this.client = client;
        this.request = request;
        this.id = request.id();
    }

    void run() throws IOException, BadFrameException {
        List<String> argv = request.strings("argv");
        Path cwd = workingFolder(request.string("cwd"));
        Map<String, String> env = variables(request.stringMap("env"), cwd);
        Optional<ServedSession> served = server.served();
        if (served.isEmpty()) {
            connection.send(Frame.of("locked", id));
            return;
        }
        FrameOutput outFrames = new FrameOutput("out", id, false, connection::send);
        FrameOutput errFrames = new FrameOutput("err", id, true, connection::send);
        PrintStream out = new PrintStream(outFrames, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errFrames, true, StandardCharsets.UTF_8);
        FrameInput in = new FrameInput(id, new FrameInput.Source() {
            @Override
            public void send(Frame frame) throws IOException {
                connection.send(frame);
            }

            @Override
            public Frame next() throws IOException {
                try {
                    Frame frame = connection.next();
                    if (frame == null) {
                        throw new IOException("the client closed the connection");
                    }
                    return frame;
                } catch (BadFrameException e) {
                    throw new IOException("a frame broke the protocol's rules", e);
                }
            }
        });
        Terminal terminal = new Terminal(in, out, err, env, null);
        ExecCapture program = new ExecCapture();
        String[] args = argv.toArray(String[]::new);

        Classified classified = classify(args, terminal, cwd, served.get());
        if (classified.kind() == CommandAccess.Kind.DIRECT) {
            connection.send(Frame.of("direct", id));
            return;
        }
        Optional<AccessRequest.Access> access = CommandAccess.access(classified.kind());
        if (access.isPresent()) {
            AccessRequest asked = new AccessRequest(client, argv, access.get(), classified.project(), classified.secretNames());
            Approval approval;
            try {
                approval = connection.awaitApproval(() -> server.approvals().decide(asked));
            } catch (InterruptedException e) {
                connection.send(Frame.of("locked", id));
                return;
            }
            if (!approval.allows()) {
                // The sentence of the typed refusal (denied, not answered, outside the headless scope), never a value.
                connection.send(Frame.of("refused", id).with("code", ErrorWording.REFUSED)
                        .with("message", ErrorWording.forCli(server.approvals().refusal(asked)).text()));
                return;
            }
        }
        int code;
        boolean[] locked = {false};
        server.commands().lock();
        try {
            KeywardCommand root = new KeywardCommand(terminal, server.kdfParams(), new LentSessions(server, connection),
                    program, cwd);
            CommandLine cli = CommandTree.build(root, args);
            cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
            cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
            cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                if (e instanceof LentSessions.LockedException || connection.lockedDuringRequest()) {
                    locked[0] = true;
                    return ErrorReport.ERROR;
                }
                return ErrorReport.report(e, err);
            });
            cli.setParameterExceptionHandler((e, ignored) -> {
                err.println("keyward: " + e.getMessage());
                err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                return ErrorReport.USAGE;
            });
            try {
                code = cli.execute(args);
            } catch (RuntimeException e) {
                code = ErrorReport.report(e, err);
            }
        } finally {
            server.commands().unlock();
            // The command wrote through the served session's own connection, which data_version does not
            // see: tell the open views (after every command, since even a read may add an audit row).
            served.get().services().changes().changedHere();
        }
        out.flush();
        err.flush();
        if (locked[0] || connection.lockedDuringRequest() || server.served().orElse(null) != served.get()) {
            outFrames.discard();
            connection.send(Frame.of("locked", id));
            return;
        }
        boolean incomplete = out.checkError();
        outFrames.send();
        outFrames.discard();
        if (incomplete) {
            err.println("keyward: the output could not be written (it is larger than the agent passes on);"
                    + " what was printed is incomplete.");
            code = code == ErrorReport.OK ? ErrorReport.ERROR : code;
        }
        Optional<ExecCapture.Exec> toRun = program.captured();
        if (toRun.isPresent() && code == ErrorReport.OK) {
            connection.send(Frame.of("exec", id).with("argv", toRun.get().commandLine())
                    .with("env", toRun.get().variables()).with("masking", toRun.get().masking()));
        } else {
            connection.send(Frame.of("exit", id).with("code", code));
        }
    }

    /** The request's folder, which must be absolute and, where the kernel says, the client's own. */
    private Path workingFolder(String cwd) throws BadFrameException {
        Path path;
        try {
            path = Path.of(cwd);
        } catch (RuntimeException e) {
            throw new BadFrameException("cwd is an absolute folder");
        }
        if (!path.isAbsolute()) {
            throw new BadFrameException("cwd is an absolute folder");
        }
        if (client.workingFolder().isPresent() && !sameFolder(path, client.workingFolder().get())) {
            throw new BadFrameException("cwd is the client's working folder");
        }
        return path.normalize();
    }

    private static boolean sameFolder(Path claimed, Path actual) {
        try {
            return claimed.toRealPath().equals(actual.toRealPath());
        } catch (IOException e) {
            return claimed.normalize().equals(actual.normalize());
        }
    }

    /**
     * The request's variables, refused when one is not a variable Keyward reads (a credential above all).
     * KEYWARD_HOME is resolved against the client's folder, and set to the served data root when the
     * client gave none: it found this agent's socket by that root.
     */
    private Map<String, String> variables(Map<String, String> given, Path cwd) throws BadFrameException {
        for (String name : given.keySet()) {
            if (ChildEnvironment.isCredential(name) || !REQUEST_VARIABLES.contains(name)) {
                throw new BadFrameException("env holds only " + String.join(", ", REQUEST_VARIABLES.stream().sorted().toList()));
            }
        }
        Map<String, String> env = new HashMap<>(given);
        String home = env.get("KEYWARD_HOME");
        env.put("KEYWARD_HOME", home == null || home.isBlank() ? server.dataRoot().toString()
                : cwd.resolve(home).normalize().toString());
        return env;
    }

    /** What the command is, for whom, and on which project and secrets. */
    record Classified(CommandAccess.Kind kind, Optional<String> project, List<String> secretNames) {
        static Classified direct() {
            return new Classified(CommandAccess.Kind.DIRECT, Optional.empty(), List.of());
        }
    }

    private Classified classify(String[] args, Terminal terminal, Path cwd, ServedSession served) {
        KeywardCommand probe = new KeywardCommand(terminal, server.kdfParams(), new LentSessions(server, connection),
                new ExecCapture(), cwd);
        ParseResult parsed;
        try {
            parsed = CommandTree.build(probe, args).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return Classified.direct(); // the client prints the same usage error itself, without a password
        }
        StringBuilder name = new StringBuilder();
        Set<String> options = new HashSet<>();
        boolean help = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
        ParseResult leaf = parsed;
        for (ParseResult level = parsed.subcommand(); level != null; level = level.subcommand()) {
            name.append(name.isEmpty() ? "" : " ").append(level.commandSpec().name());
            level.matchedOptions().forEach(option -> options.addAll(List.of(option.names())));
            help |= level.isUsageHelpRequested() || level.isVersionHelpRequested();
            leaf = level;
        }
        if (help) {
            return new Classified(CommandAccess.Kind.LIST, Optional.empty(), List.of());
        }
        CommandAccess.Kind kind = CommandAccess.of(name.toString(), options);
        if (kind == CommandAccess.Kind.DIRECT) {
            return Classified.direct();
        }
        try {
            if (!probe.root().path().equals(server.dataRoot())
                    || !probe.selectedProfile().id().equals(served.session().profileId())) {
                return Classified.direct(); // another profile or data folder: not this agent's to serve
            }
        } catch (RuntimeException e) {
            return Classified.direct(); // no such profile, or a damaged one: the direct path says so
        }
        // What the request is about, for the person asked: `--project P`, or the positional names of
        // `secret NAME ...` and `project P [SECRET]` (project link's second name is the secret).
        List<String> names = leaf.matchedPositionals().stream()
                .map(p -> java.util.Objects.toString((Object) p.getValue())).toList();
        Optional<String> project = Optional.ofNullable(leaf.matchedOptionValue("--project", (String) null));
        List<String> secrets = List.of();
        if (name.toString().startsWith("secret ") && !names.isEmpty()) {
            secrets = List.of(names.get(0));
        } else if (name.toString().startsWith("project ") && !names.isEmpty()) {
            project = project.or(() -> Optional.of(names.get(0)));
            secrets = name.toString().equals("project link") && names.size() > 1 ? List.of(names.get(1)) : List.of();
        }
        return new Classified(kind, project, secrets);
    }
}
