package dev.keyward.app.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The tools {@code keyward mcp} offers an AI agent, and nothing else: {@code list_projects},
 * {@code list_secrets} and {@code key_health} answer names, hints and health; {@code run_command} runs a
 * command with a project's variables once a person (or a headless agent's scope) allows it and returns
 * its masked output. No tool returns a value and no argument makes one: the values reach only the
 * command's environment, and its output is masked before the agent sees it.
 */
final class KeywardTools {

    private static final String NO_ARGUMENTS = """
            {"type":"object","properties":{},"additionalProperties":false}""";

    private static final String KEY_HEALTH_ARGUMENTS = """
            {"type":"object","properties":{"secret":{"type":"string",
             "description":"The secret's name, as list_secrets shows it."}},
             "required":["secret"],"additionalProperties":false}""";

    private static final String RUN_COMMAND_ARGUMENTS = """
            {"type":"object","properties":{
             "project":{"type":"string","description":"The Keyward project whose variables the command gets (list_projects names them)."},
             "command":{"type":"string","description":"The command line, run with /bin/sh -c."},
             "working_directory":{"type":"string","description":"The absolute folder the command runs in."},
             "timeout_seconds":{"type":"integer","minimum":1,"maximum":600,
              "description":"Kill the command (and what it started) after this many seconds; default 120, at most 600."}},
             "required":["project","command","working_directory"],"additionalProperties":false}""";

    private KeywardTools() {
    }

    /** The four tools, answered through {@code bridge} and run by {@code runs}. */
    static List<SyncToolSpecification> all(McpJsonMapper json, AgentBridge bridge, CommandRuns runs) {
        ToolCalls calls = new ToolCalls(json, bridge, runs);
        return List.of(
                tool(json, "list_projects", "List Keyward projects",
                        "Lists the Keyward projects, each with its environment variable names and the secret behind each."
                                + " Names only: no value is ever returned.",
                        NO_ARGUMENTS, true, calls::listProjects),
                tool(json, "list_secrets", "List Keyward secrets",
                        "Lists the secrets in Keyward: name, provider, last four characters, age in days and the"
                                + " dashboard's key health. No value is ever returned.",
                        NO_ARGUMENTS, true, calls::listSecrets),
                tool(json, "key_health", "A key's health",
                        "The Keyward dashboard's latest snapshot for one key: health, service status, usage, cost,"
                                + " warnings and when it was collected. No value is returned.",
                        KEY_HEALTH_ARGUMENTS, true, calls::keyHealth),
                tool(json, "run_command", "Run a command with a project's secrets",
                        "Runs a shell command line in a folder with a Keyward project's secrets as environment"
                                + " variables, after the person allows it in the Keyward app. Returns the exit code and"
                                + " the output, in which every secret value is replaced by <concealed by keyward>;"
                                + " output is cut at 1 MiB per stream and the command is killed at its time limit.",
                        RUN_COMMAND_ARGUMENTS, false, calls::runCommand));
    }

    private static SyncToolSpecification tool(McpJsonMapper json, String name, String title, String description,
                                              String schema, boolean readOnly,
                                              BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).title(title).description(description)
                .inputSchema(json, schema)
                .annotations(new McpSchema.ToolAnnotations(title, readOnly, !readOnly, readOnly, false, false))
                .build();
        return SyncToolSpecification.builder().tool(tool).callHandler(handler).build();
    }

    /** An error result: the agent reads the sentence; nothing was returned or run. */
    static CallToolResult error(String message) {
        return CallToolResult.builder().isError(true).addTextContent(message).build();
    }

    /** A data result: the JSON text for the agent, and the same data as structured content. */
    static CallToolResult data(McpJsonMapper json, Map<String, Object> data) {
        try {
            return CallToolResult.builder().addTextContent(json.writeValueAsString(data)).structuredContent(data).build();
        } catch (IOException e) {
            return error("Keyward could not write its answer as JSON.");
        }
    }
}
