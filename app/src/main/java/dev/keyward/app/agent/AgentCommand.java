package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.BadFrameException;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.child.ChildValues;
import dev.keyward.app.cli.CommandTree;
import dev.keyward.app.cli.ErrorReport;
import dev.keyward.app.cli.KeywardCommand;
import dev.keyward.app.cli.Terminal;
import dev.keyward.app.error.ErrorWording;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * One {@code command} request: checked ({@link CommandRequest}), classified ({@link CommandClassifier}),
 * approved when it reveals or changes, then run through the same picocli tree as the command line, inside
 * the served session, with its output sent back as frames.
 */
final class AgentCommand {

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
        CommandRequest checked = CommandRequest.of(request, client, server.dataRoot());
        List<String> argv = checked.argv();
        Path cwd = checked.cwd();
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
        Terminal terminal = new Terminal(in, out, err, checked.env(), null);
        ExecCapture program = new ExecCapture();
        String[] args = argv.toArray(String[]::new);

        CommandClassifier.Classified classified = new CommandClassifier(server, connection).classify(args, terminal, cwd,
                served.get());
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
            // A command approved by the references its file names is held to them (the file may change meanwhile).
            KeywardCommand root = new KeywardCommand(terminal, server.kdfParams(),
                    new LentSessions(server, connection, classified.references()), program, cwd);
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
            // see: tell the open views (after every command that may write, since even a read may add an
            // audit row; a listing writes nothing, and a watching client asks for one every second).
            if (classified.kind() != CommandAccess.Kind.LIST) {
                served.get().services().changes().changedHere();
            }
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
            ChildValues values = toRun.get().values();
            Frame exec = Frame.of("exec", id).with("argv", toRun.get().commandLine())
                    .with("env", values.variables()).with("masking", values.masking());
            if (!values.embedded().isEmpty()) {
                // Secrets inside larger values: the client masks them too, never puts them into the environment.
                exec = exec.with("mask", values.embedded());
            }
            if (toRun.get().watch().isPresent()) {
                // run --watch: the client watches, asking for these stamps again (docs/agent-protocol.md).
                exec = exec.with("watchStamps", toRun.get().watch().get().stamps())
                        .with("watchGraceMillis", toRun.get().watch().get().grace().toMillis());
            }
            connection.send(exec);
        } else {
            connection.send(Frame.of("exit", id).with("code", code));
        }
    }
}
