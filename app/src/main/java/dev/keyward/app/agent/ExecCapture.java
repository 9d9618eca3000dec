package dev.keyward.app.agent;

import dev.keyward.app.cli.ChildStarter;
import dev.keyward.app.cli.WatchHandOff;
import java.time.Duration;
import dev.keyward.vault.crypto.Wipe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's way to start {@code keyward run}'s program: it does not start it, it keeps the command
 * line and variables for the {@code exec} answer, and the client starts the program in its terminal.
 */
final class ExecCapture implements ChildStarter, WatchHandOff {

    /**
     * What the client is to run, with its output masked or not; {@code mask} the secret values that
     * went into the variables (a reference inside a larger value), which the client masks too but never
     * puts into the environment; for {@code run --watch} also the variables' stamps and the grace
     * period (empty otherwise), so that the client watches it.
     */
    record Exec(List<String> commandLine, Map<String, String> variables, List<String> mask, boolean masking,
                Optional<Watch> watch) {
        @Override
        public String toString() {
            return "Exec[" + commandLine.size() + " arguments, " + variables.size() + " variables]"; // never the values
        }
    }

    /** What a watching client compares against, and how long a program has after SIGTERM. */
    record Watch(Map<String, String> stamps, Duration grace) {
    }

    private Exec exec;

    @Override
    public int start(List<String> commandLine, Map<String, char[]> variables, List<char[]> alsoMasked,
                     boolean masking) {
        Map<String, String> env = new LinkedHashMap<>();
        variables.forEach((name, value) -> env.put(name, new String(value)));
        variables.values().forEach(Wipe::chars);
        // Only when the output is masked: with --no-masking the secrets need not travel a second time.
        List<String> mask = masking ? alsoMasked.stream().map(String::new).distinct().toList() : List.of();
        alsoMasked.forEach(Wipe::chars);
        exec = new Exec(List.copyOf(commandLine), env, mask, masking, Optional.empty());
        return 0;
    }

    @Override
    public int handOff(List<String> commandLine, Map<String, char[]> variables, Map<String, String> stamps,
                       Duration grace, boolean masking) {
        start(commandLine, variables, masking);
        exec = new Exec(exec.commandLine(), exec.variables(), exec.mask(), exec.masking(),
                Optional.of(new Watch(Map.copyOf(stamps), grace)));
        return 0;
    }

    Optional<Exec> captured() {
        return Optional.ofNullable(exec);
    }
}
