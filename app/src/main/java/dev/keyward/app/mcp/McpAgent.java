package dev.keyward.app.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AI agent behind the MCP session, as its client named itself in {@code initialize} (for example
 * {@code claude-code 1.0.3}): a claim, shown as one in the approval and the audit log.
 *
 * @param name    the client's name; "an unnamed MCP client" when it gave none
 * @param version its version, or empty
 */
record McpAgent(String name, String version) {

    /** Longest name or version passed on; the rest is cut (the agent's protocol takes at most 8192 characters). */
    static final int MAX_TEXT = 200;

    static McpAgent of(McpSchema.Implementation info) {
        String name = info == null || info.name() == null || info.name().isBlank() ? "an unnamed MCP client" : info.name();
        String version = info == null || info.version() == null ? "" : info.version();
        return new McpAgent(cut(name), cut(version));
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    /** The {@code agent} object of a {@code tool} request. */
    Map<String, Object> wire() {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("name", name);
        agent.put("version", version);
        return agent;
    }
}
