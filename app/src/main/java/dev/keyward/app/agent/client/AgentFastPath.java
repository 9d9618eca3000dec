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
        return serve(args, System.getenv(), Path.of("").toAbsolutePath(), terminal,
                new AgentClient(new FileInputStream(FileDescriptor.in), System.out, System.err, new ExecChild(System.getenv())),
                System.err);
    }

    /** {@link #serve(String[])} with its inputs given (tests). */
    static OptionalInt serve(String[] args, Map<String, String> env, Path cwd, boolean terminal, AgentClient client,
                             PrintStream err) {
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
        AgentClient.Outcome outcome = client.run(socket, AgentRequest.of(route, cwd, env, terminal, terminal));
        // instanceof, not a pattern switch: each switch site costs a start-up a class spun at run time.
        if (outcome instanceof AgentClient.Exited exited) {
            return OptionalInt.of(exited.code());
        }
        Optional<String> locked = ((AgentClient.Direct) outcome).lockedProfile();
        if (locked.isPresent()) {
            err.println(lockedSentence(locked.get()));
        }
        return OptionalInt.empty();
    }

    /** The one sentence for "the app is open but locked", said before the direct path asks for the password. */
    static String lockedSentence(String profile) {
        String which = profile.isEmpty() ? "its profile" : "profile '" + profile + "'";
        return "keyward: Keyward is open but " + which + " is locked, so this command needs the password itself"
                + " (unlock it in the app to skip this next time).";
    }
}
