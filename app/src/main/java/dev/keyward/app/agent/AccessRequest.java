package dev.keyward.app.agent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client asks the agent for that a person must allow: the command it runs, whether it
 * reveals or changes secrets, and which project or secrets (by name, never by value).
 *
 * @param client      who asks, as the operating system reports it
 * @param command     the Keyward command as typed after {@code keyward}, such as {@code [secret, get, OPENAI_API_KEY]}
 *                    (arguments only: values given to a write come from stdin or a prompt, never argv)
 * @param access      what the command does with secrets
 * @param project     the project whose secrets it wants, if it names one
 * @param secretNames the secrets it reads or changes, by name
 * @param task        what an AI agent asks through {@code keyward mcp} (its name, command line, folder and
 *                    variables), or empty for a Keyward command
 */
public record AccessRequest(ClientProcess client, List<String> command, Access access, Optional<String> project,
                            List<String> secretNames, Optional<AgentTask> task) {

    public AccessRequest {
        Objects.requireNonNull(client, "client");
        command = List.copyOf(command);
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(project, "project");
        secretNames = List.copyOf(secretNames);
        Objects.requireNonNull(task, "task");
    }

    /** A Keyward command's request (no AI agent behind it). */
    public AccessRequest(ClientProcess client, List<String> command, Access access, Optional<String> project,
                         List<String> secretNames) {
        this(client, command, access, project, secretNames, Optional.empty());
    }

    /** What a command does with secret values; listing names and providers is neither and needs no approval. */
    public enum Access {
        /** Shows or hands over values: {@code secret get}, {@code run}, {@code env export}, {@code inject}. */
        REVEAL,
        /** Adds, changes or deletes secrets or projects. */
        CHANGE
    }
}
