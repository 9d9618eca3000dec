package dev.keyward.app.mcp;

import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.BadFrameException;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.child.ChildValues;
import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code keyward mcp} reaches the vault: through the agent that the desktop app (unlocked) or
 * {@code keyward agent start} serves, one connection per tool call, so an agent started, locked or
 * restarted between calls is found as it is now. This process never opens the vault: no password, no
 * SQLite; without an agent every tool answers that Keyward must be unlocked.
 */
final class AgentBridge {

    /** Said when no agent serves an unlocked profile for this data folder. */
    static final String NOT_UNLOCKED = "Keyward is locked or not running: nothing was read or run. Ask the person"
            + " to unlock the Keyward app (or to start a headless agent with 'keyward agent start'), then try again.";

    private final Path socket;
    private final Optional<String> profile;
    private final String version;

    /**
     * @param socket  the agent's socket for this data folder
     * @param profile the profile the MCP server was started for (--profile, KEYWARD_PROFILE), if named
     * @param version Keyward's version, for the hello
     */
    AgentBridge(Path socket, Optional<String> profile, String version) {
        this.socket = socket;
        this.profile = profile;
        this.version = version;
    }

    /** What the agent answered a tool call. */
    sealed interface Answer {
    }

    /** Names or health, as data. */
    record Data(Map<String, Object> data) implements Answer {
    }

    /** run_command was allowed: run {@code argv} with {@code values} (always masked: its output goes to an AI agent). */
    record Exec(List<String> argv, ChildValues values) implements Answer {
    }

    /** Not served, with the sentence why: refused, locked, no agent, no such project or key. */
    record Refusal(String message) implements Answer {
    }

    /** Sends a {@code tool} request for {@code tool}, on behalf of {@code agent}, with the tool's {@code fields}. */
    Answer call(String tool, McpAgent agent, Map<String, Object> fields) {
        if (!Files.exists(socket)) {
            return new Refusal(NOT_UNLOCKED);
        }
        try (AgentLink link = AgentLink.connect(socket, "keyward-mcp", version)) {
            Frame welcome = link.welcome();
            if (welcome.flag("locked")) {
                return new Refusal(NOT_UNLOCKED);
            }
            String served = welcome.string("profile");
            if (profile.isPresent() && !profile.get().equals(served)) {
                return new Refusal("The Keyward agent serves the profile '" + served + "', not '" + profile.get()
                        + "': nothing was read or run. Unlock that profile in the Keyward app, or start this MCP server"
                        + " for the served profile.");
            }
            Frame request = Frame.of("tool", 0).with("tool", tool).with("agent", agent.wire());
            fields.forEach(request::with);
            return answer(link.request(request));
        } catch (SocketException e) {
            return new Refusal(NOT_UNLOCKED); // a socket file nobody answers on: the agent has gone
        } catch (IOException e) {
            return new Refusal("The Keyward agent stopped answering: nothing was run. Try again once Keyward is unlocked.");
        } catch (BadFrameException e) {
            return new Refusal("The Keyward agent did not accept this request: " + e.getMessage());
        }
    }

    private static Answer answer(Frame frame) throws BadFrameException {
        return switch (frame.type()) {
            case "result" -> {
                if (!(frame.field("data") instanceof Map<?, ?> data)) {
                    throw new BadFrameException("a result carries data");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) data;
                yield new Data(fields);
            }
            // Masked whatever the frame says: run_command's output is for the agent, which never sees a value.
            case "exec" -> new Exec(frame.strings("argv"), new ChildValues(frame.stringMap("env"),
                    frame.field("mask") == null ? List.of() : frame.strings("mask"), true));
            case "refused", "failed" -> new Refusal(frame.string("message"));
            case "locked" -> new Refusal(NOT_UNLOCKED);
            case "bad-frame" -> new Refusal("The Keyward agent did not accept this request: "
                    + frame.optionalString("message").orElse("it broke the protocol's rules"));
            default -> throw new BadFrameException("an unexpected answer to a tool request");
        };
    }
}
