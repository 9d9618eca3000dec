package dev.keyward.app.agent;

import dev.keyward.vault.session.VaultSession;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit row of one {@code keyward mcp} tool call: action {@code agent_mcp_<tool>}, subject the MCP
 * process, with the agent's name and version, the decision ({@code served}, {@code allowed},
 * {@code refused}, {@code failed} or {@code locked}) and the call's names, each passed through the
 * session's redactor. A run_command's approval writes its own {@code agent_allow_*}/{@code agent_deny_*}
 * row before this one.
 */
final class ToolAudit {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ToolAudit.class);

    private final VaultSession session;
    private final ClientProcess client;
    private final String agent;
    private final String tool;

    ToolAudit(VaultSession session, ClientProcess client, String agent, String tool) {
        this.session = session;
        this.client = client;
        this.agent = agent;
        this.tool = tool;
    }

    /** Writes the row; a row that cannot be written is logged by kind only and the answer still goes. */
    void record(String decision, Map<String, String> facts) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("on_behalf_of", ClientDescription.clean(agent, session.redactor(), 500));
        details.put("tool", tool);
        details.put("decision", decision);
        facts.forEach((name, value) -> details.put(name, ClientDescription.clean(value, session.redactor(),
                ClientDescription.MAX_COMMAND_LINE)));
        details.put("client_pid", client.pid());
        try {
            session.database().write(c -> {
                // 'secret' as for the approvals: every tool is about the profile's secrets.
                session.audit().record(c, "secret", "agent_mcp_" + tool, "agent_client", String.valueOf(client.pid()),
                        details);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("The audit row of an agent's {} call could not be written ({})", tool, e.getClass().getName());
        }
    }
}
