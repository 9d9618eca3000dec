package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.CANARY;
import static dev.keyward.app.agent.AgentFixture.PROJECT;
import static dev.keyward.app.agent.AgentFixture.SECRET;
import static dev.keyward.app.agent.AgentFixture.UNLINKED;
import static dev.keyward.app.agent.AgentFixture.UNLINKED_CANARY;
import static dev.keyward.app.agent.AgentFixture.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.AgentFixture.Reply;
import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.session.ProfileService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 in the agent's server: {@code read} is a reveal whose question names the reference's secret or
 * project; {@code run --env-file} names none (its file may name any secret), so a project scope cannot
 * cover it; {@code run --watch} is answered with stamps; the stamps question needs no approval.
 */
class AgentReferencesTest {

    @TempDir
    Path data;
    @TempDir
    Path work;
    private AgentFixture.Served served;
    private AgentServer server;
    private final AgentFixture.RecordingApprovals approvals = new AgentFixture.RecordingApprovals();

    @BeforeEach
    void serveAProfile() {
        ProfileService profiles = AgentFixture.createProfile(data);
        served = AgentFixture.Served.open(profiles, data);
        server = AgentServer.start(data, Map.of(), AgentServer.Mode.HEADLESS, approvals, Argon2Params.FLOOR,
                new AgentServer.Control() {
                    @Override
                    public void lockRequested() {
                    }

                    @Override
                    public void stopRequested() {
                    }
                }, Map::of);
        server.serve(new ServedSession(served.session(), served.services(), Instant.now()));
    }

    @AfterEach
    void stop() {
        server.close();
        served.close();
    }

    @Test
    void readIsARevealThatNamesTheSecretOrProjectOfItsReference() throws Exception {
        try (AgentLink link = AgentLink.connect(server.socketPath(), "test")) {
            Reply bySecret = command(link, Map.of(), null, "read", "keyward://secrets/" + UNLINKED);
            assertEquals(UNLINKED_CANARY + "\n", bySecret.out());
            Reply byProject = command(link, Map.of(), null, "read", "-n", "keyward://projects/" + PROJECT + "/" + SECRET);
            assertEquals(CANARY, byProject.out());
        }
        assertEquals(AccessRequest.Access.REVEAL, approvals.asked.get(0).access());
        assertEquals(List.of(UNLINKED), approvals.asked.get(0).secretNames());
        assertEquals(Optional.of(PROJECT), approvals.asked.get(1).project());
        ProjectSecrets links = ProjectSecrets.of(served.session().projects());
        AgentScope scope = AgentScope.of(Set.of(PROJECT));
        assertFalse(scope.covers(approvals.asked.get(0), links), "an unlinked secret is outside the project's scope");
        assertTrue(scope.covers(approvals.asked.get(1), links));
    }

    @Test
    void anEnvFileNamesNoProjectSoAProjectScopeCannotCoverIt() throws Exception {
        Path file = Files.writeString(work.resolve(".env.keyward"), "STOLEN=keyward://secrets/" + UNLINKED + "\n");
        try (AgentLink link = AgentLink.connect(server.socketPath(), "test")) {
            Reply reply = command(link, Map.of(), null, "run", "--project", PROJECT, "--env-file", file.toString(),
                    "--", "true");
            assertEquals("exec", reply.type(), reply.err());
        }
        AccessRequest asked = approvals.asked.get(0);
        assertEquals(Optional.empty(), asked.project());
        assertFalse(AgentScope.of(Set.of(PROJECT)).covers(asked, ProjectSecrets.of(served.session().projects())),
                "a --project beside an --env-file does not bring the file's secrets into the scope");
    }

    @Test
    void aWatchIsAnsweredWithStampsAndTheStampsQuestionNeedsNoApproval() throws Exception {
        try (AgentLink link = AgentLink.connect(server.socketPath(), "test")) {
            Reply watch = command(link, Map.of(), null, "run", "--project", PROJECT, "--watch", "--grace", "3s", "--", "x");
            assertEquals("exec", watch.type(), watch.err());
            assertEquals(3000, watch.last().integer("watchGraceMillis"));
            String stamp = watch.last().stringMap("watchStamps").get(SECRET);
            assertTrue(stamp.matches("[0-9a-f-]{36}:1"), stamp);
            int asked = approvals.asked.size();
            Reply stamps = command(link, Map.of(), null, "run", "--print-stamps", "--project", PROJECT, "--watch", "--", "x");
            assertEquals(SECRET + "\t" + stamp + "\n", stamps.out());
            assertEquals(asked, approvals.asked.size(), "no approval for names and versions");
            assertFalse(stamps.out().contains(CANARY));
        }
    }
}
