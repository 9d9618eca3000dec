package dev.keyward.app.agent.client;

import dev.keyward.app.child.ChildRunner;
import dev.keyward.app.cli.ErrorReport;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.Wipe;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the program of an agent's {@code exec} answer ({@code keyward run}) in the client's own
 * terminal through the same {@link ChildRunner} as the direct path: the client's environment without
 * Keyward's credential variables plus the project's variables from the agent, those values masked in
 * its output unless the agent said not to, a pseudo-terminal when stdout is a terminal, signals
 * forwarded; its exit code becomes the client's.
 */
public final class ExecChild implements AgentClient.ChildLauncher {

    private final Map<String, String> inherited;

    /** @param inherited the client's environment; credential variables are removed before the child sees it */
    public ExecChild(Map<String, String> inherited) {
        this.inherited = inherited;
    }

    @Override
    public int run(List<String> argv, Map<String, String> env, PrintStream err) {
        return run(argv, env, true, err);
    }

    @Override
    public int run(List<String> argv, Map<String, String> env, boolean masking, PrintStream err) {
        return run(argv, env, List.of(), masking, err);
    }

    @Override
    public int run(List<String> argv, Map<String, String> env, List<String> alsoMasked, boolean masking,
                   PrintStream err) {
        List<char[]> extra = new ArrayList<>();
        alsoMasked.forEach(value -> extra.add(value.toCharArray()));
        try {
            return ChildRunner.forThisProcess().run(argv, inherited, env, extra, masking);
        } catch (IOException e) {
            // Worded by the one error mapper, as RunCommand's failure is on the direct path.
            return ErrorReport.report(new OperationFailedException("Could not start '" + argv.get(0) + "': "
                    + "check that it exists and is executable (or use --shell for shell syntax).", e), err);
        } finally {
            extra.forEach(Wipe::chars);
        }
    }
}
