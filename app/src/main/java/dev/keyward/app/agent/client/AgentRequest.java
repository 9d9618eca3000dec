package dev.keyward.app.agent.client;

import dev.keyward.vault.process.ChildEnvironment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One command as the client sends it to the agent (the {@code command} frame).
 *
 * @param argv           the arguments after {@code keyward}, without {@code --no-agent}
 * @param cwd            the folder the command runs from
 * @param env            only the variables Keyward reads ({@link #SENT_VARIABLES}), never a credential
 * @param stdinTerminal  whether stdin is a terminal
 * @param stdoutTerminal whether stdout is a terminal
 * @param profile        the profile the command names with {@code --profile} or {@code KEYWARD_PROFILE}, if any
 */
public record AgentRequest(List<String> argv, Path cwd, Map<String, String> env, boolean stdinTerminal,
                           boolean stdoutTerminal, Optional<String> profile) {

    /** The variables of the client's environment the agent is told about (docs/agent-protocol.md). */
    public static final Set<String> SENT_VARIABLES = Set.of("KEYWARD_PROFILE", "KEYWARD_HOME", "NO_COLOR", "TERM", "COLUMNS",
            "GIT_INDEX_FILE"); // the index a pre-commit hook scans (git names it so for commit -a)

    public AgentRequest {
        argv = List.copyOf(argv);
        Objects.requireNonNull(cwd, "cwd");
        env = Map.copyOf(env);
        Objects.requireNonNull(profile, "profile");
    }

    /** The request for {@code route}, from the client's environment: the allowed names only, never a credential. */
    public static AgentRequest of(AgentRoute route, Path cwd, Map<String, String> environment, boolean stdinTerminal,
                                  boolean stdoutTerminal) {
        // Plain loops, no lambdas: this runs in the fast path's short-lived JVM (see AgentFastPath).
        Map<String, String> sent = new LinkedHashMap<>();
        for (String name : SENT_VARIABLES) {
            String value = environment.get(name);
            if (value != null && !ChildEnvironment.isCredential(name)) {
                sent.put(name, value);
            }
        }
        String named = route.profile().orElse(environment.get("KEYWARD_PROFILE"));
        Optional<String> profile = named == null || named.isBlank() ? Optional.empty() : Optional.of(named);
        return new AgentRequest(route.agentArgv(), cwd, sent, stdinTerminal, stdoutTerminal, profile);
    }
}
