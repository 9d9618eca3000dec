package dev.keyward.app;

import dev.keyward.app.agent.client.AgentFastPath;
import dev.keyward.app.agent.client.AgentRoute;
import dev.keyward.app.cli.CommandTree;
import dev.keyward.app.cli.ErrorReport;
import dev.keyward.app.cli.KeywardCommand;
import dev.keyward.app.cli.SqliteNativeCopy;
import dev.keyward.app.cli.Terminal;
import dev.keyward.app.cli.Version;
import dev.keyward.vault.crypto.Argon2Params;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine;

/**
 * Keyward's entry point: with a subcommand it is the CLI; without one it starts the desktop app.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // First, before SQLite, picocli or Argon2 are loaded: an agent serving this data root runs the command.
        OptionalInt served = AgentFastPath.serve(args);
        if (served.isPresent()) {
            System.exit(OutputCheck.exitCode(served.getAsInt(), System.out, System.err));
        }
        if (!CommandTree.asksForVersionOnly(args)) {
            SqliteNativeCopy.useKeptCopy(System.getenv());
        }
        if (args.length == 0 || (args.length == 2 && "--data-dir".equals(args[0]))) {
            System.exit(Desktop.start(args));
        }
        // Unbuffered stdin: what 'run' does not read must still reach the child it starts.
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        int code = run(args, stdin, System.out, System.err, System.getenv(), System.console() != null ? System.console() : null,
                Argon2Params.DEFAULT);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the CLI in this process and returns its exit code (tests call this directly). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
                          java.io.Console console, Argon2Params kdfParams) {
        args = AgentRoute.withoutNoAgent(args); // the agent was not used (or not asked); the parser never sees it
        if (CommandTree.asksForVersionOnly(args)) {
            // The answer picocli would print, without building a command line for it.
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            return OutputCheck.exitCode(ErrorReport.OK, out, err);
        }
        Terminal terminal = new Terminal(in, out, err, env, console);
        CommandLine cli = CommandTree.build(new KeywardCommand(terminal, kdfParams), args);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> ErrorReport.report(e, err));
        cli.setParameterExceptionHandler((e, ignored) -> {
            err.println("keyward: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ErrorReport.USAGE;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands exceptions to the handler above but lets errors through: a class missing from the
            // runtime, a stack overflow or running out of memory is still one sentence and an exit code.
            code = ErrorReport.report(e, err);
        }
        return OutputCheck.exitCode(code, out, err);
    }
}
