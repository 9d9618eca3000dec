package dev.keyward.app.cli;

import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.process.ChildEnvironment;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Starts the program {@code keyward run} runs. Directly, this process starts it and waits; in the agent
 * the client starts it in its own terminal, so the agent only hands over the command line and variables.
 */
public interface ChildStarter {

    /** Starts the program in this process's terminal and returns its exit code. */
    ChildStarter DIRECT = (commandLine, variables) -> {
        // The child gets this environment without Keyward's own credentials, plus the project's variables.
        ProcessBuilder builder = ChildEnvironment.processBuilder(commandLine).inheritIO();
        variables.forEach((name, value) -> builder.environment().put(name, new String(value)));
        variables.values().forEach(Wipe::chars);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new OperationFailedException("Could not start '" + commandLine.get(0) + "': "
                    + "check that it exists and is executable (or use --shell for shell syntax).", e);
        } finally {
            builder.environment().clear();
        }
        SignalForwarding.forwardTo(child);
        while (true) {
            try {
                // On Unix Java reports a child killed by signal N as 128 + N, which is what shells report.
                return child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    };

    /**
     * Runs {@code commandLine} with {@code variables} added to its environment and returns its exit
     * code; the values are wiped once handed over.
     */
    int start(List<String> commandLine, Map<String, char[]> variables);
}
