package dev.keyward.app.cli;

import dev.keyward.app.child.ChildValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the agent takes {@code keyward run --watch}'s program: it does not run or watch it, it hands the
 * client the command line, what the program gets and the variables' stamps, and the client watches by
 * asking the agent for the stamps again (docs/agent-protocol.md, "run --watch").
 */
public interface WatchHandOff {

    /**
     * Hands over the program to start and watch.
     *
     * @param values what the program gets: its variables and what is masked in its output
     * @param stamps each variable's stamp (which version of which secret), never a value
     */
    int handOff(List<String> commandLine, ChildValues values, Map<String, String> stamps, Duration grace);
}
