package dev.keyward.app.agent.client;

import dev.keyward.app.cli.ErrorReport;
import dev.keyward.app.cli.SignalForwarding;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.process.ChildEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Starts the program of an agent's {@code exec} answer ({@code keyward run}) in the client's own
 * terminal: stdio inherited, the client's environment without Keyward's credential variables plus
 * the project's variables from the agent, signals forwarded; its exit code becomes the client's.
 * The same rules as the direct path's {@code RunCommand}, so both paths start the same child.
 */
public final class ExecChild implements AgentClient.ChildLauncher {

    private final Map<String, String> inherited;

    /** @param inherited the client's environment; credential variables are removed before the child sees it */
    public ExecChild(Map<String, String> inherited) {
        this.inherited = inherited;
    }

    @Override
    public int run(List<String> argv, Map<String, String> env, PrintStream err) {
        ProcessBuilder builder = ChildEnvironment.processBuilder(argv).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(ChildEnvironment.of(inherited));
        builder.environment().putAll(env);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            // Worded by the one error mapper, as RunCommand's failure is on the direct path.
            return ErrorReport.report(new OperationFailedException("Could not start '" + argv.get(0) + "': "
                    + "check that it exists and is executable (or use --shell for shell syntax).", e), err);
        } finally {
            builder.environment().clear();
        }
        SignalForwarding.forwardTo(child);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    // On Unix Java reports a child killed by signal N as 128 + N, which is what shells report.
                    return child.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
