package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.CANARY;
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

/** Issue 17 through the agent: adopt is a change the person approves; refused, it changes nothing. */
class AgentAdoptTest {

    private static final String NEW_CANARY = "agent-adopt-canary-0c7d";

    @TempDir
    Path data;
    @TempDir
    Path work;
    private AgentFixture.Agent agent;
    private final AgentFixture.RecordingApprovals approvals = new AgentFixture.RecordingApprovals();
    private Path env;

    @BeforeEach
    void serveAProfile() throws Exception {
        agent = AgentFixture.serve(data, approvals);
        Path app = Files.createDirectories(work.resolve(AgentFixture.PROJECT));
        env = Files.writeString(app.resolve(".env"), "OPENAI_API_KEY=" + CANARY + "\nNEW_KEY=" + NEW_CANARY + "\n");
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void anApprovedAdoptImportsAndLeavesReferences() throws Exception {
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            Reply reply = command(link, Map.of(), null, "adopt", work.toString(), "--yes");
            assertEquals("exit", reply.type(), reply.err() + reply.last());
            assertEquals(0, reply.last().integer("code"), reply.err());
            assertTrue(reply.out().contains("in vault  OPENAI_API_KEY"), reply.out());
            assertFalse((reply.out() + reply.err()).contains(CANARY) || (reply.out() + reply.err()).contains(NEW_CANARY));
        }
        assertEquals(1, approvals.asked.size());
        assertEquals(AccessRequest.Access.CHANGE, approvals.asked.get(0).access());
        assertEquals("OPENAI_API_KEY=keyward://projects/app/OPENAI_API_KEY\nNEW_KEY=keyward://projects/app/NEW_KEY\n",
                Files.readString(env));
        assertEquals(List.of("NEW_KEY", "OPENAI_API_KEY"), agent.session().projects().links(AgentFixture.PROJECT)
                .stream().map(l -> l.envVar()).sorted().toList());
    }

    @Test
    void aRefusedAdoptChangesNothingAndOneThatWouldAskRunsInTheClient() throws Exception {
        approvals.answer = Approval.DENY;
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            Reply refused = command(link, Map.of(), null, "adopt", work.toString(), "--yes");
            assertTrue(List.of("refused", "exit").contains(refused.type()), refused.type() + " " + refused.last());
            assertFalse(refused.err().contains(NEW_CANARY));
        }
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            Reply asks = command(link, Map.of(), null, "adopt", work.toString());
            assertEquals("direct", asks.type(), "the confirmation is asked on the client's own terminal");
        }
        assertEquals("OPENAI_API_KEY=" + CANARY + "\nNEW_KEY=" + NEW_CANARY + "\n", Files.readString(env));
        assertEquals(1, agent.session().projects().links(AgentFixture.PROJECT).size());
    }
}
