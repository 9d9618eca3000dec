package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.CANARY;
import static dev.keyward.app.agent.AgentFixture.SECRET;
import static dev.keyward.app.agent.AgentFixture.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.AgentFixture.Reply;
import dev.keyward.app.agent.protocol.AgentLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 through the agent: {@code scan} compares every value with files, so the person is asked (as for a
 * reveal, naming no secret: a project scope never covers it); a refusal scans nothing.
 */
class AgentScanTest {

    @TempDir
    Path data;
    @TempDir
    Path work;
    private AgentFixture.Agent agent;
    private final AgentFixture.RecordingApprovals approvals = new AgentFixture.RecordingApprovals();

    @BeforeEach
    void serveAProfile() {
        agent = AgentFixture.serve(data, approvals);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void aScanIsAskedAsARevealAndFindsCopiesInTheClientsFolder() throws Exception {
        Files.writeString(work.resolve("app.env"), "# settings\nOPENAI_API_KEY=" + CANARY + "\n");
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            // The agent resolves PATH against the client's own folder (the request's cwd, checked by the kernel).
            Reply reply = command(link, Map.of(), null, "scan", work.toString());
            assertEquals("exit", reply.type(), reply.err() + reply.last());
            assertEquals(1, reply.last().integer("code"), reply.err());
            assertEquals(work.resolve("app.env") + ":2:16  copy of secret " + SECRET + " (current value, as is)\n", reply.out().replaceAll(", ending ....\n", "\n"));
            assertFalse((reply.out() + reply.err()).contains(CANARY));
        }
        assertEquals(1, approvals.asked.size());
        AccessRequest asked = approvals.asked.get(0);
        assertEquals(AccessRequest.Access.REVEAL, asked.access());
        assertEquals(List.of(), asked.secretNames());
        assertFalse(AgentScope.of(java.util.Set.of(AgentFixture.PROJECT)).covers(asked,
                ProjectSecrets.of(agent.session().projects())), "a scan uses every value: no project scope covers it");
    }

    @Test
    void aRefusedScanReadsNoValueAndScansNothing() throws Exception {
        Files.writeString(work.resolve("app.env"), "OPENAI_API_KEY=" + CANARY + "\n");
        approvals.answer = Approval.DENY;
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            Reply reply = command(link, Map.of(), null, "scan", work.toString());
            assertTrue(List.of("refused", "exit").contains(reply.type()), reply.type() + " " + reply.last());
            assertEquals("", reply.out());
            assertFalse(reply.err().contains(CANARY));
        }
    }
}
