package dev.keyward.app.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the agent takes {@code keyward run --watch}'s program: it does not run or watch it, it hands the
 * client the command line, the values and their stamps, and the client watches by asking the agent
 * for the stamps again (docs/agent-protocol.md, "run --watch").
 */
public interface WatchHandOff {

    /**
     * Hands over the program to start and watch; the values are wiped once handed over.
     *
     * @param stamps  each variable's stamp (which version of which secret), never a value
     * @param masking whether the values are concealed in the program's output
     */
    int handOff(List<String> commandLine, Map<String, char[]> variables, Map<String, String> stamps, Duration grace,
                boolean masking);
}
