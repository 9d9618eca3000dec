package dev.keyward.app.agent;

import dev.keyward.app.cli.ChildStarter;
import dev.keyward.vault.crypto.Wipe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's way to start {@code keyward run}'s program: it does not start it, it keeps the command
 * line and variables for the {@code exec} answer, and the client starts the program in its terminal.
 */
final class ExecCapture implements ChildStarter {

    /** What the client is to run. */
    record Exec(List<String> commandLine, Map<String, String> variables, boolean masking) {
    }

    private Exec exec;

    @Override
    public int start(List<String> commandLine, Map<String, char[]> variables, boolean masking) {
        Map<String, String> env = new LinkedHashMap<>();
        variables.forEach((name, value) -> env.put(name, new String(value)));
        variables.values().forEach(Wipe::chars);
        exec = new Exec(List.copyOf(commandLine), env, masking);
        return 0;
    }

    Optional<Exec> captured() {
        return Optional.ofNullable(exec);
    }
}
