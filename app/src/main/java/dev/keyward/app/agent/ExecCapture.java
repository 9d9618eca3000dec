package dev.keyward.app.agent;

import dev.keyward.app.child.ChildValues;
import dev.keyward.app.cli.ChildStarter;
import dev.keyward.app.cli.WatchHandOff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's way to start {@code keyward run}'s program: it does not start it, it keeps the command
 * line and what the program gets for the {@code exec} answer, and the client starts the program in its terminal.
 */
final class ExecCapture implements ChildStarter, WatchHandOff {

    /**
     * What the client is to run and what the program gets ({@link ChildValues}: its variables, whether its
     * output is masked, and the secret values inside the variables that the client masks too but never puts
     * into the environment); for {@code run --watch} also the variables' stamps and the grace period (empty
     * otherwise), so that the client watches it.
     */
    record Exec(List<String> commandLine, ChildValues values, Optional<Watch> watch) {
        @Override
        public String toString() {
            return "Exec[" + commandLine.size() + " arguments, " + values + "]"; // never the values
        }
    }

    /** What a watching client compares against, and how long a program has after SIGTERM. */
    record Watch(Map<String, String> stamps, Duration grace) {
    }

    private Exec exec;

    @Override
    public int start(List<String> commandLine, ChildValues values) {
        exec = new Exec(List.copyOf(commandLine), values, Optional.empty());
        return 0;
    }

    @Override
    public int handOff(List<String> commandLine, ChildValues values, Map<String, String> stamps, Duration grace) {
        exec = new Exec(List.copyOf(commandLine), values, Optional.of(new Watch(Map.copyOf(stamps), grace)));
        return 0;
    }

    Optional<Exec> captured() {
        return Optional.ofNullable(exec);
    }
}
