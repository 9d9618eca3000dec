package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.CANARY;
import static dev.keyward.app.agent.AgentFixture.PROJECT;
import static dev.keyward.app.agent.AgentFixture.SECRET;
import static dev.keyward.app.agent.AgentFixture.UNLINKED;
import static dev.keyward.app.agent.AgentFixture.UNLINKED_CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's {@code tool} requests ({@code keyward mcp}'s way in) against a real unlocked profile over the
 * real socket: names and health without values, {@code run_command} asked with the agent, command line,
 * folder and variables named (in the desktop's approvals too, where no terminal grant covers an agent),
 * denials and errors as refusals, and one audit row per call naming the agent and the decision.
 */
class AgentToolTest {

    private static final Map<String, Object> AGENT = Map.of("name", "claude-code", "version", "9.9.1");

    @TempDir
    Path data;
    private AgentFixture.Agent agent;
    private final ByteArrayOutputStream processOutput = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    private void serve(Approvals approvals) {
        savedOut = System.out;
        savedErr = System.err;
        PrintStream capture = new PrintStream(processOutput, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        agent = AgentFixture.serve(data, approvals);
    }

    @AfterEach
    void stop() {
        if (agent == null) {
            return;
        }
        String audit = auditRows().toString();
        agent.close();
        System.setOut(savedOut);
        System.setErr(savedErr);
        String printed = processOutput.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains(CANARY) || printed.contains(UNLINKED_CANARY), "a value reached the process output");
        assertFalse(audit.contains(CANARY) || audit.contains(UNLINKED_CANARY), "a value reached the audit log");
        System.out.print(printed);
    }

    private Frame tool(AgentLink link, String tool, Map<String, Object> fields) throws Exception {
        Frame request = Frame.of("tool", 0).with("tool", tool).with("agent", AGENT);
        fields.forEach(request::with);
        return link.request(request);
    }

    private List<AuditEntry> auditRows() {
        return agent.session().database().read(c -> agent.session().audit().page(c, null, null, 500));
    }

    private List<AuditEntry> toolRows(String tool) {
        return auditRows().stream().filter(e -> e.action().equals("agent_mcp_" + tool)).toList();
    }

    @Test
    void listsAnswerNamesHintsAndHealthWithoutAskingAndWithoutAValue() throws Exception {
        AgentFixture.RecordingApprovals approvals = new AgentFixture.RecordingApprovals();
        serve(approvals);
        try (AgentLink link = AgentLink.connect(agent.socket(), "keyward-mcp", "test")) {
            Frame projects = tool(link, "list_projects", Map.of());
            assertEquals("result", projects.type());
            String text = projects.json();
            assertTrue(text.contains("\"name\":\"" + PROJECT + "\"") && text.contains("\"variable\":\"" + SECRET + "\""), text);

            Frame secrets = tool(link, "list_secrets", Map.of());
            assertEquals("result", secrets.type());
            String listed = secrets.json();
            assertTrue(listed.contains(SECRET) && listed.contains(UNLINKED), listed);
            assertTrue(listed.contains("\"last4\":\"" + CANARY.substring(CANARY.length() - 4) + "\""), listed);
            assertTrue(listed.contains("\"valueAgeDays\":0") && listed.contains("\"health\":\"not collected\""), listed);
            assertFalse(listed.contains(CANARY) || listed.contains(UNLINKED_CANARY), listed);

            Frame health = tool(link, "key_health", Map.of("secret", SECRET));
            assertEquals("result", health.type());
            assertTrue(health.json().contains("\"collected\":false"), health.json());

            Frame missing = tool(link, "key_health", Map.of("secret", "NO_SUCH_KEY"));
            assertEquals("failed", missing.type());
            assertEquals(4, missing.integer("code"));
            assertTrue(missing.string("message").contains("NO_SUCH_KEY"), missing.string("message"));
        }
        assertEquals(List.of(), approvals.asked, "names and health are not asked for");
        assertEquals(1, toolRows("list_projects").size());
        assertTrue(toolRows("list_secrets").get(0).detailsJson().contains("\"on_behalf_of\":\"claude-code 9.9.1\""));
        assertTrue(toolRows("list_secrets").get(0).detailsJson().contains("\"decision\":\"served\""));
        List<String> healthDecisions = toolRows("key_health").stream().map(AuditEntry::detailsJson).toList();
        assertTrue(healthDecisions.stream().anyMatch(d -> d.contains("\"decision\":\"failed\"")), healthDecisions.toString());
    }

    @Test
    void runCommandIsAskedWithTheAgentCommandFolderAndVariablesAndAnsweredWithExec() throws Exception {
        AgentFixture.RecordingApprovals approvals = new AgentFixture.RecordingApprovals();
        serve(approvals);
        try (AgentLink link = AgentLink.connect(agent.socket(), "keyward-mcp", "test")) {
            Frame exec = tool(link, "run_command", Map.of("project", PROJECT, "commandLine", "npm test", "folder", "/srv/app"));
            assertEquals("exec", exec.type());
            assertEquals(List.of("/bin/sh", "-c", "npm test"), exec.strings("argv"));
            assertEquals(Map.of(SECRET, CANARY), exec.stringMap("env"));

            approvals.answer = Approval.DENY;
            Frame refused = tool(link, "run_command", Map.of("project", PROJECT, "commandLine", "npm test", "folder", "/srv/app"));
            assertEquals("refused", refused.type());
            assertEquals(6, refused.integer("code"));
            assertFalse(refused.json().contains(CANARY), refused.json());

            Frame unknown = tool(link, "run_command", Map.of("project", "nope", "commandLine", "ls", "folder", "/srv"));
            assertEquals("failed", unknown.type());
            assertEquals(4, unknown.integer("code"));
        }
        assertEquals(2, approvals.asked.size(), "an unknown project is not asked about");
        AccessRequest asked = approvals.asked.get(0);
        assertEquals(AccessRequest.Access.REVEAL, asked.access());
        assertEquals(java.util.Optional.of(PROJECT), asked.project());
        assertEquals(List.of(SECRET), asked.secretNames());
        AgentTask task = asked.task().orElseThrow();
        assertEquals("claude-code 9.9.1", task.agentLabel());
        assertEquals("npm test", task.commandLine());
        assertEquals("/srv/app", task.folder());
        assertEquals(List.of(SECRET), task.variables());
        List<String> decisions = toolRows("run_command").stream().map(AuditEntry::detailsJson).toList();
        assertEquals(3, decisions.size(), decisions.toString());
        for (String decision : List.of("allowed", "refused", "failed")) {
            assertTrue(decisions.stream().anyMatch(d -> d.contains("\"decision\":\"" + decision + "\"")
                    && d.contains("claude-code 9.9.1")), decision + " in " + decisions);
        }
    }

    @Test
    void theDesktopAsksAboutTheAgentEveryTimeAndADenialIsARefusal() throws Exception {
        ScriptedPrompt prompt = new ScriptedPrompt();
        TerminalGrants grants = new TerminalGrants(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
        DesktopApprovals approvals = new DesktopApprovals(prompt, (client, outcome) -> { }, dev.keyward.vault.redact.Redactor.formatsOnly(), grants,
                Duration.ofMinutes(10), Duration.ofSeconds(30));
        serve(approvals);
        try (AgentLink link = AgentLink.connect(agent.socket(), "keyward-mcp", "test")) {
            CompletableFuture<Frame> first = CompletableFuture.supplyAsync(() -> call(link, "make check"));
            ScriptedPrompt.Asked asked = prompt.next();
            ClientDescription shown = asked.question().client();
            assertEquals("claude-code 9.9.1 (an AI agent, through keyward mcp)", shown.agent());
            assertEquals("make check", shown.runs());
            assertEquals("/srv/app", shown.runsIn());
            assertEquals(SECRET, shown.variables());
            assertEquals(PROJECT, shown.project());
            assertFalse(asked.question().offersTerminalGrant(), "an agent's request is never offered a terminal grant");
            // Even a terminal-session answer (which the window does not offer) covers nothing beyond this request.
            asked.answer().complete(Approval.ALLOW_TERMINAL_SESSION);
            assertEquals("exec", first.get(20, TimeUnit.SECONDS).type());

            CompletableFuture<Frame> second = CompletableFuture.supplyAsync(() -> call(link, "make check"));
            ScriptedPrompt.Asked again = prompt.next();
            again.answer().complete(Approval.DENY);
            Frame denied = second.get(20, TimeUnit.SECONDS);
            assertEquals("refused", denied.type());
            assertTrue(denied.string("message").contains("nothing was shared"), denied.string("message"));
        }
    }

    private Frame call(AgentLink link, String commandLine) {
        try {
            return tool(link, "run_command", Map.of("project", PROJECT, "commandLine", commandLine, "folder", "/srv/app"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRequestWithoutAnAgentOrWithAnUnknownToolIsABadFrame() throws Exception {
        serve(new AgentFixture.RecordingApprovals());
        try (AgentLink link = AgentLink.connect(agent.socket(), "keyward-mcp", "test")) {
            Frame noAgent = link.request(Frame.of("tool", 0).with("tool", "list_projects"));
            assertEquals("bad-frame", noAgent.type());
        }
        try (AgentLink link = AgentLink.connect(agent.socket(), "keyward-mcp", "test")) {
            Frame reveal = tool(link, "get_secret", Map.of("secret", SECRET));
            assertEquals("bad-frame", reveal.type());
            assertFalse(reveal.json().contains(CANARY));
        }
        try (AgentLink link = AgentLink.connect(agent.socket(), "keyward-mcp", "test")) {
            Frame relative = tool(link, "run_command", Map.of("project", PROJECT, "commandLine", "ls", "folder", "srv"));
            assertEquals("bad-frame", relative.type());
        }
    }

    @Test
    void aLockedAgentAnswersLockedAndRunsNothing() throws Exception {
        AgentFixture.RecordingApprovals approvals = new AgentFixture.RecordingApprovals();
        serve(approvals);
        agent.server().lock();
        try (AgentLink link = AgentLink.connect(agent.socket(), "keyward-mcp", "test")) {
            assertTrue(link.welcome().flag("locked"));
            assertEquals("locked", tool(link, "list_secrets", Map.of()).type());
            assertEquals("locked", tool(link, "run_command",
                    Map.of("project", PROJECT, "commandLine", "ls", "folder", "/srv")).type());
        }
        assertEquals(List.of(), approvals.asked);
    }
}
