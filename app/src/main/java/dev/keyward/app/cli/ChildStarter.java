package dev.keyward.app.cli;

import dev.keyward.app.child.ChildRunner;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.Wipe;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the program {@code keyward run} runs. Directly, this process starts it and waits; in the agent
 * the client starts it in its own terminal, so the agent only hands over the command line and variables.
 */
public interface ChildStarter {

    /** Starts the program in this process's terminal (through the shared {@link ChildRunner}) and returns its exit code. */
    ChildStarter DIRECT = (commandLine, variables, alsoMasked, masking) -> {
        // The child gets this environment without Keyward's own credentials, plus the project's variables.
        Map<String, String> env = new LinkedHashMap<>();
        variables.forEach((name, value) -> env.put(name, new String(value)));
        variables.values().forEach(Wipe::chars);
        try {
            return ChildRunner.forThisProcess().run(commandLine, System.getenv(), env, alsoMasked, masking);
        } catch (IOException e) {
            throw new OperationFailedException("Could not start '" + commandLine.get(0) + "': "
                    + "check that it exists and is executable (or use --shell for shell syntax).", e);
        } finally {
            env.clear();
            alsoMasked.forEach(Wipe::chars);
        }
    };

    /**
     * Runs {@code commandLine} with {@code variables} added to its environment and returns its exit
     * code; the values are wiped once handed over. With {@code masking} the values are concealed in
     * the program's output.
     */
    default int start(List<String> commandLine, Map<String, char[]> variables, boolean masking) {
        return start(commandLine, variables, List.of(), masking);
    }

    /**
     * {@link #start(List, Map, boolean)} with {@code alsoMasked} concealed too: the secret values that
     * went into the variables (a reference inside a larger value), never put into the environment
     * themselves; wiped once handed over like the variables.
     */
    int start(List<String> commandLine, Map<String, char[]> variables, List<char[]> alsoMasked, boolean masking);

    /** {@link #start(List, Map, boolean)} with masking on, the default. */
    default int start(List<String> commandLine, Map<String, char[]> variables) {
        return start(commandLine, variables, true);
    }
}
