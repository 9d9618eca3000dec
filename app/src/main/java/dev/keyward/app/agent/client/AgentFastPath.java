package dev.keyward.app.agent.client;

import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.vault.profile.DataRoot;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The command line's first step, before picocli, SQLite or Argon2 are loaded: when an agent serves
 * this data root, the command is given to it; otherwise (or when it says so) the caller runs the
 * command directly. Only the classes of this package, the JDK's and a few small vault-core ones
 * ({@code DataRoot}, {@code ChildEnvironment}) are loaded on the way.
 */
public final class AgentFastPath {

    private AgentFastPath() {
    }

    /** Runs {@code args} through the agent when one serves them; the exit code, or empty for the direct path. */
    public static OptionalInt serve(String[] args) {
        if (!AgentRoute.of(args).useAgent()) {
            return OptionalInt.empty(); // the desktop, help and the like: nothing more to set up
        }
        Console console = System.console();
        boolean terminal = console != null && isTerminal(console);
        // Unbuffered stdin: what the agent does not ask for must still reach a program that 'run' starts.
        AgentClient client = new AgentClient(new FileInputStream(FileDescriptor.in), System.out, System.err,
                new ExecChild(System.getenv()));
        LockedApp.Person person = terminal ? LockedApp.Person.atConsole(console) : question -> false;
        return serve(args, System.getenv(), Path.of("").toAbsolutePath(), terminal, client, System.err,
                new LockedApp(client, System.err, person, LockedApp.UNLOCK_WAIT));
    }

    /** {@link #serve(String[])} with its inputs given (tests). */
    static OptionalInt serve(String[] args, Map<String, String> env, Path cwd, boolean terminal, AgentClient client,
                             PrintStream err) {
        return serve(args, env, cwd, terminal, client, err, new LockedApp(client, err, question -> false,
                LockedApp.UNLOCK_WAIT));
    }

    /** {@link #serve(String[])} with its inputs and the locked app's handling given (tests). */
    static OptionalInt serve(String[] args, Map<String, String> env, Path cwd, boolean terminal, AgentClient client,
                             PrintStream err, LockedApp lockedApp) {
        AgentRoute route = AgentRoute.of(args);
        if (!route.useAgent()) {
            return OptionalInt.empty();
        }
        Path socket;
        try {
            socket = AgentSocketPath.of(DataRoot.resolve(route.dataDir().orElse(null), env).path(), env).socket();
        } catch (RuntimeException e) {
            return OptionalInt.empty(); // a data root the direct path will report on in its own words
        }
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return OptionalInt.empty();
        }
        AgentRequest request = AgentRequest.of(route, cwd, env, terminal, terminal);
        AgentClient.Outcome outcome = client.run(socket, request);
        if (outcome instanceof AgentClient.Direct direct && direct.lockedProfile().isPresent()) {
            // Open but locked: one sentence, and to a person at a terminal the offer of the unlock window.
            outcome = lockedApp.handle(socket, request, direct.lockedProfile().get(), terminal)
                    .orElse(new AgentClient.Direct(Optional.empty()));
        }
        return switch (outcome) {
            case AgentClient.Exited exited -> OptionalInt.of(exited.code());
            case AgentClient.Direct direct -> {
                if (direct.lockedProfile().isPresent()) {
                    err.println("keyward: the profile was locked again; asking for the password here instead.");
                }
                yield OptionalInt.empty();
            }
        };
    }

    /** {@code Console.isTerminal()} where the JDK has it (22+): earlier, a console means a terminal. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
