package dev.keyward.app.agent.client;

import dev.keyward.app.OutputCheck;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The command line's entry point when the launcher expects an agent to serve the command: started
 * on a small class path (this module and the few Keyward modules the client's error words need; no
 * picocli, SQLite, Argon2, Jackson or JavaFX) with its own start-up cache, so it starts in a fraction
 * of the time the whole app takes. When no agent serves the command after all, the direct path needs
 * the whole app, which this JVM cannot load: the process becomes {@code launcher --no-agent ARGS}
 * ({@link LauncherRestart}), which runs it directly, as if the client had never started.
 *
 * <p>The launcher names itself in the system property {@value #LAUNCHER_PROPERTY}.
 */
public final class ClientMain {

    /** The system property holding the launcher's path. */
    public static final String LAUNCHER_PROPERTY = "keyward.launcher";

    private ClientMain() {
    }

    public static void main(String[] args) {
        OptionalInt served = AgentFastPath.serve(args);
        if (served.isPresent()) {
            exit(OutputCheck.exitCode(served.getAsInt(), System.out, System.err));
        }
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        String failure = launcher == null || launcher.isBlank()
                ? "the launcher did not say where it is"
                : LauncherRestart.replaceProcess(Path.of(launcher), LauncherRestart.directArguments(args));
        // Reached only when the process could not be replaced.
        System.err.println("keyward: no Keyward agent served this command, and the direct path could not be started ("
                + failure + "); run it again with --no-agent.");
        exit(1);
    }

    /**
     * Ends the JVM with {@code code} once stdout and stderr are flushed. {@code halt}, not {@code exit}:
     * the client registers no shutdown hook, and {@code System.exit} would first set up the JDK's
     * logging to record the exit, which costs this short-lived JVM a noticeable part of its run.
     */
    private static void exit(int code) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
