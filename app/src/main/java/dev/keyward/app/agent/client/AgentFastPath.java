package dev.keyward.app.agent.client;

import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.vault.profile.DataRoot;
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
 * ({@code DataRoot}, {@code ChildEnvironment}) are loaded on the way. The code on this path avoids lambdas,
 * pattern switches and {@code MessageDigest}: in a JVM that lives a tenth of a second, each of them costs
 * start-up work (a class spun at run time, the security providers) that a plain loop does not.
 */
public final class AgentFastPath {

    private AgentFastPath() {
    }

    /** Runs {@code args} through the agent when one serves them; the exit code, or empty for the direct path. */
    public static OptionalInt serve(String[] args) {
        if (!AgentRoute.of(args).useAgent()) {
            return OptionalInt.empty(); // the desktop, help and the like: nothing more to set up
        }
        boolean terminal = StdioTerminal.isTerminal();
        // Unbuffered stdin: what the agent does not ask for must still reach a program that 'run' starts.
        AgentClient client = new AgentClient(new FileInputStream(FileDescriptor.in), System.out, System.err,
                new ExecChild(System.getenv()));
        LockedApp.Person person = terminal ? LockedApp.Person.atConsole() : LockedApp.Person.NOBODY;
        return serve(args, System.getenv(), Path.of("").toAbsolutePath(), terminal, client, System.err,
                new LockedApp(client, System.err, person, LockedApp.UNLOCK_WAIT));
    }

    /** {@link #serve(String[])} with its inputs given (tests). */
    static OptionalInt serve(String[] args, Map<String, String> env, Path cwd, boolean terminal, AgentClient client,
                             PrintStream err) {
        return serve(args, env, cwd, terminal, client, err, new LockedApp(client, err, LockedApp.Person.NOBODY,
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
        // instanceof, not a pattern switch: each switch site costs a start-up a class spun at run time.
        if (outcome instanceof AgentClient.Exited exited) {
            return OptionalInt.of(exited.code());
        }
        if (((AgentClient.Direct) outcome).lockedProfile().isPresent()) {
            err.println("keyward: the profile was locked again; asking for the password here instead.");
        }
        return OptionalInt.empty();
    }
}
