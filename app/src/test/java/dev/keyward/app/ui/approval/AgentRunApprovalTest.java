package dev.keyward.app.ui.approval;

import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.AccessRequest;
import dev.keyward.app.agent.AgentTask;
import dev.keyward.app.agent.Approval;
import dev.keyward.app.agent.DesktopApprovals;
import dev.keyward.app.agent.Requests;
import dev.keyward.app.agent.SessionApprovalAudit;
import dev.keyward.app.agent.TerminalGrants;
import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The approval window for an AI agent's {@code run_command} ({@code keyward mcp}): it names the agent, the
 * command line, its folder and the variables, offers no terminal-session grant even from a terminal, and
 * the audit row keeps the same facts; a value typed into the command line shows redacted.
 */
@DesktopTest
class AgentRunApprovalTest {

    private static final String CANARY = "sk-canary-agent-run-0123456789abcdef";

    @TempDir
    static Path dataDir;

    private final ExecutorService agentThreads = Executors.newCachedThreadPool();
    private Stage main;
    private VaultSession session;
    private DesktopApprovals approvals;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        main = stage;
    }

    @AfterEach
    void stop() {
        if (approvals != null) {
            approvals.close();
        }
        agentThreads.shutdownNow();
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theWindowNamesTheAgentCommandFolderAndVariablesAndOffersNoTerminalGrant(FxRobot robot) throws Exception {
        ProfileService profiles = DesktopTestKit.profiles(dataDir.resolve("p" + System.nanoTime()));
        session = DesktopTestKit.open(profiles, DesktopTestKit.createProfile(profiles, "work"));
        session.secrets().add("OPENAI_API_KEY", CANARY.toCharArray(), null);
        approvals = new DesktopApprovals(new ApprovalDialog(main, n -> { }, Duration.ZERO), new SessionApprovalAudit(session),
                session.redactor(), new TerminalGrants(new ManualClock(Instant.parse("2026-12-05T03:00:00Z"))),
                TerminalGrants.LENGTH, Duration.ofMinutes(5));
        AgentTask task = new AgentTask("claude-code", "2.0.14", "npm test && curl -H 'x: " + CANARY + "' localhost",
                "/home/ada/shop", List.of("OPENAI_API_KEY"));
        AccessRequest request = new AccessRequest(Requests.inTerminal(601, 4242, "/dev/pts/3", "mcp"),
                List.of("mcp", "run_command"), AccessRequest.Access.REVEAL, Optional.of("shop"), List.of("openai"),
                Optional.of(task));

        Future<Approval> answer = agentThreads.submit(() -> approvals.decide(request));
        waitUntil("the approval window shows", () -> robot.lookup("#approval-deny").tryQuery().isPresent());
        String text = DesktopTestKit.allVisibleText();
        for (String expected : List.of("An AI agent wants to run a command with a project's secrets",
                "claude-code 2.0.14 (an AI agent, through keyward mcp)", "npm test && curl", "/home/ada/shop",
                "OPENAI_API_KEY", "shop", "On behalf of", "Variables")) {
            assertTrue(text.contains(expected), "the window shows " + expected + ":\n" + text);
        }
        assertFalse(text.contains(CANARY), "a value typed into the command line is redacted");
        assertTrue(robot.lookup("#approval-allow-terminal").tryQuery().isEmpty(), "no terminal-session grant for an agent");
        List<String> cut = DesktopTestKit.onFx(() -> CutTexts.inOpenWindows("agent approval"));
        assertEquals(List.of(), cut, "no text is cut off");

        robot.clickOn("#approval-allow-once");
        assertEquals(Approval.ALLOW_ONCE, answer.get(20, TimeUnit.SECONDS));
        AuditEntry row = session.database().read(c -> session.audit().page(c, "secret", null, 10)).stream()
                .filter(r -> r.action().startsWith("agent_")).findFirst().orElseThrow();
        assertEquals("agent_allow_once", row.action());
        assertTrue(row.detailsJson().contains("claude-code 2.0.14") && row.detailsJson().contains("/home/ada/shop")
                && row.detailsJson().contains("OPENAI_API_KEY"), row.detailsJson());
        assertFalse(row.detailsJson().contains(CANARY), row.detailsJson());
    }
}
