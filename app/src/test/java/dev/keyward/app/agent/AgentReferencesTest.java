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
import java.nio.file.Files;
import java.nio.file.Path;
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
 * project; {@code run --env-file} and {@code inject} name every secret their file's references resolve to
 * (a project scope covers them only when it maps each one), and the approved command is held to those
 * references; {@code run --watch} is answered with stamps; the stamps question needs no approval.
 */
class AgentReferencesTest {

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
    void readIsARevealThatNamesTheSecretOrProjectOfItsReference() throws Exception {
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            Reply bySecret = command(link, Map.of(), null, "read", "keyward://secrets/" + UNLINKED);
            assertEquals(UNLINKED_CANARY + "\n", bySecret.out());
            Reply byProject = command(link, Map.of(), null, "read", "-n", "keyward://projects/" + PROJECT + "/" + SECRET);
            assertEquals(CANARY, byProject.out());
        }
        assertEquals(AccessRequest.Access.REVEAL, approvals.asked.get(0).access());
        assertEquals(List.of(UNLINKED), approvals.asked.get(0).secretNames());
        assertEquals(Optional.of(PROJECT), approvals.asked.get(1).project());
        ProjectSecrets links = ProjectSecrets.of(agent.session().projects());
        AgentScope scope = AgentScope.of(Set.of(PROJECT));
        assertFalse(scope.covers(approvals.asked.get(0), links), "an unlinked secret is outside the project's scope");
        assertTrue(scope.covers(approvals.asked.get(1), links));
    }

    @Test
    void anEnvFileRunNamesEverySecretItsFileResolvesAndAScopeCoversOnlyMappedOnes() throws Exception {
        Path file = Files.writeString(work.resolve(".env.keyward"), "# keyward://secrets/IN_A_COMMENT is no value\n"
                + "STOLEN=keyward://secrets/" + UNLINKED + "\nURL=https://h/db?password=keyward://projects/" + PROJECT + "/" + SECRET
                + "&sslmode=require\n");
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            Reply reply = command(link, Map.of(), null, "run", "--project", PROJECT, "--env-file", file.toString(),
                    "--", "true");
            assertEquals("exec", reply.type(), reply.err());
        }
        AccessRequest asked = approvals.asked.get(0);
        assertEquals(Optional.of(PROJECT), asked.project());
        assertEquals(Set.of(UNLINKED, SECRET), Set.copyOf(asked.secretNames()), "the file's secrets and the project's, by name");
        ProjectSecrets links = ProjectSecrets.of(agent.session().projects());
        assertFalse(AgentScope.of(Set.of(PROJECT)).covers(asked, links),
                "a --project beside an --env-file does not bring the file's other secrets into the scope");
        String described = ClientDescription.of(asked, agent.session().redactor()).secrets();
        assertTrue(described.contains(UNLINKED) && described.contains(SECRET), described);
        assertFalse(described.contains(CANARY) || described.contains(UNLINKED_CANARY), "names, never values");
    }

    @Test
    void anEnvFileNamingOnlyTheScopesSecretsIsCovered() throws Exception {
        Path file = Files.writeString(work.resolve(".env.scoped"), "KEY=keyward://projects/" + PROJECT + "/" + SECRET + "\n");
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            assertEquals("exec", command(link, Map.of(), null, "run", "--env-file", file.toString(), "--", "true").type());
        }
        AccessRequest asked = approvals.asked.get(0);
        assertEquals(List.of(SECRET), asked.secretNames());
        assertTrue(AgentScope.of(Set.of(PROJECT)).covers(asked, ProjectSecrets.of(agent.session().projects())));
    }

    @Test
    void injectNamesTheSecretsOfItsTemplate() throws Exception {
        Path template = Files.writeString(work.resolve("config.tmpl"), "a: keyward://secrets/" + UNLINKED
                + "\nb: keyward://projects/" + PROJECT + "/" + SECRET + "\nc: keyward://secrets/" + UNLINKED + "\n");
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            Reply reply = command(link, Map.of(), null, "inject", "-i", template.toString());
            assertEquals("exit", reply.type(), reply.err());
            assertEquals(0, reply.last().integer("code"), reply.err());
        }
        AccessRequest asked = approvals.asked.get(0);
        assertEquals(AccessRequest.Access.REVEAL, asked.access());
        assertEquals(List.of(UNLINKED, SECRET), asked.secretNames());
    }

    @Test
    void aFileChangedWhileItsRunWasApprovedIsRefusedAndReadsNothing() throws Exception {
        Path file = Files.writeString(work.resolve(".env.swapped"), "KEY=keyward://projects/" + PROJECT + "/" + SECRET + "\n");
        Path template = Files.writeString(work.resolve("swapped.tmpl"), "k: keyward://projects/" + PROJECT + "/" + SECRET + "\n");
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            approvals.whileDeciding = () -> rewrite(file, "KEY=keyward://secrets/" + UNLINKED + "\n");
            Reply run = command(link, Map.of(), null, "run", "--env-file", file.toString(), "--", "true");
            assertEquals("exit", run.type(), "no exec: " + run.err());
            assertEquals(2, run.last().integer("code"), run.err());
            assertTrue(run.err().contains("keyward://secrets/" + UNLINKED) && run.err().contains("did not name"), run.err());
            approvals.whileDeciding = () -> rewrite(template, "k: keyward://secrets/" + UNLINKED + "\n");
            Reply inject = command(link, Map.of(), null, "inject", "-i", template.toString());
            assertEquals(2, inject.last().integer("code"), inject.err());
            assertFalse(inject.out().contains(UNLINKED_CANARY) || run.err().contains(UNLINKED_CANARY));
        }
        assertEquals(List.of(SECRET), approvals.asked.get(1).secretNames(), "what the person was shown");
        assertEquals(List.of(SECRET), approvals.asked.get(0).secretNames(), "what the person was shown");
    }

    @Test
    void theDesktopsQuestionNamesTheSecretsOfTheFileNeverTheirValues() throws Exception {
        ScriptedPrompt prompt = new ScriptedPrompt();
        agent = agent.restart(AgentServer.Mode.DESKTOP, new DesktopApprovals(prompt,
                new SessionApprovalAudit(agent.session()), agent.session().redactor(), java.time.Clock.systemUTC()));
        Path template = Files.writeString(work.resolve("desk.tmpl"), "a=keyward://secrets/" + UNLINKED + "\n");
        Path file = Files.writeString(work.resolve(".env.desk"), "B=keyward://projects/" + PROJECT + "/" + SECRET + "\n");
        for (List<String> argv : List.of(List.of("inject", "-i", template.toString()),
                List.of("run", "--env-file", file.toString(), "--", "true"))) {
            java.util.concurrent.CompletableFuture<Reply> reply = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
                    return command(link, Map.of(), null, argv.toArray(String[]::new));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ScriptedPrompt.Asked asked = prompt.next();
            String shown = asked.question().client().secrets();
            assertEquals(argv.get(0).equals("inject") ? UNLINKED : SECRET, shown, "the Secrets row of the window");
            assertFalse(asked.question().client().toString().contains(CANARY)
                    || asked.question().client().toString().contains(UNLINKED_CANARY), "never a value");
            asked.answer().complete(Approval.DENY);
            assertEquals("refused", reply.get(60, java.util.concurrent.TimeUnit.SECONDS).type());
        }
    }

    private static void rewrite(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aWatchIsAnsweredWithStampsAndTheStampsQuestionNeedsNoApproval() throws Exception {
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
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
