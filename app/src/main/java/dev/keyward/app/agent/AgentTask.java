package dev.keyward.app.agent;

import java.util.List;
import java.util.Objects;

/**
 * What an AI coding agent asks through {@code keyward mcp}'s {@code run_command}: who it is (the name and
 * version its MCP client reported, which it chooses itself and so is a claim, shown as one), the command
 * line it wants to run, the folder it runs in and the variables it would get (names, never values).
 *
 * @param agent       the MCP client's name, such as {@code claude-code}
 * @param version     the MCP client's version; empty when it gave none
 * @param commandLine the shell command line to run
 * @param folder      the absolute folder it runs in
 * @param variables   the environment variables the project gives it, by name
 */
public record AgentTask(String agent, String version, String commandLine, String folder, List<String> variables) {

    public AgentTask {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(folder, "folder");
        variables = List.copyOf(variables);
    }

    /** The agent as a person reads it: its name and version. */
    public String agentLabel() {
        return version.isEmpty() ? agent : agent + " " + version;
    }
}
