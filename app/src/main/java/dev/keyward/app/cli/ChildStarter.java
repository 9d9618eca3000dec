package dev.keyward.app.cli;

import dev.keyward.app.child.ChildRunner;
import dev.keyward.app.child.ChildValues;
import dev.keyward.vault.OperationFailedException;
import java.io.IOException;
import java.util.List;

/**
 * Starts the program {@code keyward run} runs. Directly, this process starts it and waits; in the agent
 * the client starts it in its own terminal, so the agent only hands over the command line and what the
 * program gets ({@link ChildValues}: its variables and what is masked in its output).
 */
public interface ChildStarter {

    /** Starts the program in this process's terminal (through the shared {@link ChildRunner}) and returns its exit code. */
    ChildStarter DIRECT = (commandLine, values) -> {
        // The child gets this environment without Keyward's own credentials, plus the project's variables.
        try {
            return ChildRunner.forThisProcess().run(commandLine, System.getenv(), values);
        } catch (IOException e) {
            throw new OperationFailedException("Could not start '" + commandLine.get(0) + "': "
                    + "check that it exists and is executable (or use --shell for shell syntax).", e);
        }
    };

    /**
     * Runs {@code commandLine} with {@code values}' variables added to its environment, and everything
     * {@code values} holds concealed in its output unless masking is off; returns its exit code.
     */
    int start(List<String> commandLine, ChildValues values);
}
