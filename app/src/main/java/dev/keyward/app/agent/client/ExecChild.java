package dev.keyward.app.agent.client;

import dev.keyward.app.child.ChildRunner;
import dev.keyward.app.child.ChildValues;
import dev.keyward.app.cli.ErrorReport;
import dev.keyward.vault.OperationFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Starts the program of an agent's {@code exec} answer ({@code keyward run}) in the client's own
 * terminal through the same {@link ChildRunner} as the direct path: the client's environment without
 * Keyward's credential variables plus the variables from the agent, those values (and the secrets inside
 * them that the agent named) masked in its output unless the agent said not to, a pseudo-terminal when
 * stdout is a terminal, signals forwarded; its exit code becomes the client's.
 */
public final class ExecChild implements AgentClient.ChildLauncher {

    private final Map<String, String> inherited;

    /** @param inherited the client's environment; credential variables are removed before the child sees it */
    public ExecChild(Map<String, String> inherited) {
        this.inherited = inherited;
    }

    @Override
    public int run(List<String> argv, ChildValues values, PrintStream err) {
        try {
            return ChildRunner.forThisProcess().run(argv, inherited, values);
        } catch (IOException e) {
            // Worded by the one error mapper, as RunCommand's failure is on the direct path.
            return ErrorReport.report(new OperationFailedException("Could not start '" + argv.get(0) + "': "
                    + "check that it exists and is executable (or use --shell for shell syntax).", e), err);
        }
    }
}
