package dev.keyward.app.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each tool of {@link KeywardTools} does with a call: checks its arguments, asks the agent on behalf
 * of the MCP client, and for {@code run_command} runs the allowed command with its output masked. A
 * result is data or an error sentence; an unexpected failure is named by its kind only, never by a
 * message that might quote a value.
 */
final class ToolCalls {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ToolCalls.class);

    private final McpJsonMapper json;
    private final AgentBridge bridge;
    private final CommandRuns runs;

    ToolCalls(McpJsonMapper json, AgentBridge bridge, CommandRuns runs) {
        this.json = json;
        this.bridge = bridge;
        this.runs = runs;
    }

    CallToolResult listProjects(McpSyncServerExchange exchange, CallToolRequest call) {
        return guarded("list_projects", () -> {
            arguments(call, Set.of());
            return read("list_projects", exchange, Map.of());
        });
    }

    CallToolResult listSecrets(McpSyncServerExchange exchange, CallToolRequest call) {
        return guarded("list_secrets", () -> {
            arguments(call, Set.of());
            return read("list_secrets", exchange, Map.of());
        });
    }

    CallToolResult keyHealth(McpSyncServerExchange exchange, CallToolRequest call) {
        return guarded("key_health", () -> {
            Map<String, Object> args = arguments(call, Set.of("secret"));
            return read("key_health", exchange, Map.of("secret", text(args, "secret")));
        });
    }

    CallToolResult runCommand(McpSyncServerExchange exchange, CallToolRequest call) {
        return guarded("run_command", () -> {
            Map<String, Object> args = arguments(call, Set.of("project", "command", "working_directory", "timeout_seconds"));
            String project = text(args, "project");
            String command = text(args, "command");
            Path folder = folder(text(args, "working_directory"));
            Duration timeout = timeout(args.get("timeout_seconds"));
            if (command.isBlank()) {
                throw new BadArguments("'command' is empty.");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("project", project);
            fields.put("commandLine", command);
            fields.put("folder", folder.toString());
            AgentBridge.Answer answer = bridge.call("run_command", McpAgent.of(exchange.getClientInfo()), fields);
            if (!(answer instanceof AgentBridge.Exec exec)) {
                return refusal(answer);
            }
            return run(exec, folder, timeout);
        });
    }

    private CallToolResult run(AgentBridge.Exec exec, Path folder, Duration timeout) throws InterruptedException {
        CommandRuns.Outcome outcome;
        try {
            outcome = runs.run(exec.argv(), folder, exec.values(), timeout);
        } catch (IOException e) {
            return KeywardTools.error("The command could not be started in " + folder + " (" + e.getClass().getSimpleName()
                    + "): check that the folder exists and that /bin/sh is there.");
        }
        return RunResult.of(json, outcome, timeout);
    }

    private CallToolResult read(String tool, McpSyncServerExchange exchange, Map<String, Object> fields) {
        AgentBridge.Answer answer = bridge.call(tool, McpAgent.of(exchange.getClientInfo()), fields);
        if (answer instanceof AgentBridge.Data data) {
            return KeywardTools.data(json, data.data());
        }
        return refusal(answer);
    }

    private static CallToolResult refusal(AgentBridge.Answer answer) {
        if (answer instanceof AgentBridge.Refusal refusal) {
            return KeywardTools.error(refusal.message());
        }
        return KeywardTools.error("The Keyward agent answered this tool in a way it does not use: nothing was run.");
    }

    /** A tool's work that may stop at bad arguments; anything unexpected becomes an error result. */
    private interface Work {
        CallToolResult call() throws InterruptedException;
    }

    private static CallToolResult guarded(String tool, Work work) {
        try {
            return work.call();
        } catch (BadArguments e) {
            return KeywardTools.error("Bad arguments for " + tool + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KeywardTools.error("Keyward's MCP server is stopping: the command was ended.");
        } catch (RuntimeException e) {
            // Named by kind and place only: a message might quote something that must not reach a log.
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.warn("The {} tool ended by an unexpected {} at {}", tool, e.getClass().getName(), at);
            return KeywardTools.error("Keyward could not do this (an internal " + e.getClass().getSimpleName() + ").");
        }
    }

    /** Arguments the tool did not declare are refused, so no argument can ask for more than the tool gives. */
    private static Map<String, Object> arguments(CallToolRequest call, Set<String> known) {
        Map<String, Object> args = call.arguments() == null ? Map.of() : call.arguments();
        for (String name : args.keySet()) {
            if (!known.contains(name)) {
                throw new BadArguments("this tool has no argument '" + shortened(name) + "'.");
            }
        }
        return args;
    }

    private static String text(Map<String, Object> args, String name) {
        if (args.get(name) instanceof String s) {
            return s;
        }
        throw new BadArguments("'" + name + "' is required and is text.");
    }

    private static Path folder(String given) {
        Path folder;
        try {
            folder = Path.of(given);
        } catch (InvalidPathException e) {
            throw new BadArguments("'working_directory' is not a path.");
        }
        if (!folder.isAbsolute()) {
            throw new BadArguments("'working_directory' must be an absolute path.");
        }
        if (!Files.isDirectory(folder)) {
            throw new BadArguments("'working_directory' " + shortened(given) + " is not a folder.");
        }
        return folder.normalize();
    }

    private static Duration timeout(Object given) {
        if (given == null) {
            return CommandRuns.DEFAULT_TIMEOUT;
        }
        if (!(given instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new BadArguments("'timeout_seconds' is a whole number of seconds.");
        }
        long seconds = n.longValue();
        if (seconds < 1 || seconds > CommandRuns.MAX_TIMEOUT.toSeconds()) {
            throw new BadArguments("'timeout_seconds' is between 1 and " + CommandRuns.MAX_TIMEOUT.toSeconds() + ".");
        }
        return Duration.ofSeconds(seconds);
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** Arguments that do not fit the tool's schema. */
    private static final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message, null, false, false);
        }
    }
}
