package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.CANARY;
import static dev.keyward.app.agent.AgentFixture.PROJECT;
import static dev.keyward.app.agent.AgentFixture.SECRET;
import static dev.keyward.app.agent.AgentFixture.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.AgentFixture.Reply;
import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.vault.secrets.SecretInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scope rule of a headless agent started with {@code --project app}, over its real socket and a real
 * vault: it reads what {@code app} maps and changes {@code app}'s own mappings, but a change that names no
 * project (deleting or editing a secret, even one {@code app} maps) reaches beyond it and is refused.
 */
class HeadlessScopeOverSocketTest {

    @TempDir
    Path data;
    private AgentFixture.Agent agent;

    @BeforeEach
    void serveOneProject() {
        agent = AgentFixture.serve(data, served -> new HeadlessApprovals(AgentScope.of(List.of(PROJECT)),
                ProjectSecrets.of(served.session().projects()), new SessionApprovalAudit(served.session()),
                served.session().redactor()), AgentFixture.NO_CONTROL, AgentServer.SILENCE);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void aChangeNamingNoProjectIsOutsideAScopedAgentEvenForASecretItsProjectMaps() throws Exception {
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            assertEquals(CANARY + "\n", command(link, Map.of(), null, "secret", "get", SECRET).out(),
                    "reading a secret the project maps is inside");

            Reply rm = command(link, Map.of(), null, "secret", "rm", SECRET, "--yes");
            assertEquals("refused", rm.type(), "deleting a mapped secret names no project");
            assertEquals(6, rm.last().integer("code"));
            Reply rename = command(link, Map.of(), null, "secret", "edit", SECRET, "--name", "RENAMED");
            assertEquals("refused", rename.type(), "editing a mapped secret names no project");
            assertTrue(agent.session().secrets().list().stream().map(SecretInfo::name).toList().contains(SECRET),
                    "the refused change changed nothing");

            Reply unlink = command(link, Map.of(), null, "project", "unlink", PROJECT, SECRET);
            assertEquals("exit", unlink.type(), "a change naming the scope's project is inside: " + unlink.err());
            assertEquals(0, unlink.last().integer("code"), unlink.err());
        }
    }

    @Test
    void aScopedAgentRefusesAnAdoptEvenIntoItsOwnProject() throws Exception {
        // A variant file would create project PROJECT.production and the plan compares values with every secret.
        Path folder = java.nio.file.Files.createDirectories(data.resolve("adopted"));
        Path env = java.nio.file.Files.writeString(folder.resolve(".env.production"), "NEW_KEY=scoped-adopt-canary-51e2\n");
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            Reply adopt = command(link, Map.of(), null, "adopt", folder.toString(), "--project", PROJECT, "--yes",
                    "--on-conflict", "file");
            assertEquals("refused", adopt.type(), adopt.err() + adopt.out());
            assertEquals(6, adopt.last().integer("code"));
            Reply plan = command(link, Map.of(), null, "adopt", folder.toString(), "--project", PROJECT, "--dry-run");
            assertEquals("refused", plan.type(), "a dry run's plan would confirm guessed values: " + plan.out());
        }
        assertEquals("NEW_KEY=scoped-adopt-canary-51e2\n", java.nio.file.Files.readString(env));
        assertTrue(agent.session().projects().list().stream().noneMatch(p -> p.name().startsWith(PROJECT + ".")));
    }

    @Test
    void aScopedAgentInjectsATemplateOfItsProjectAndRefusesOneNamingAnotherSecretNamingItInTheAuditLog() throws Exception {
        Path inside = java.nio.file.Files.writeString(data.resolve("inside.tmpl"), "k=keyward://projects/" + PROJECT + "/" + SECRET);
        Path outside = java.nio.file.Files.writeString(data.resolve("outside.tmpl"), "k=keyward://secrets/" + AgentFixture.UNLINKED);
        try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
            Reply allowed = command(link, Map.of(), null, "inject", "-i", inside.toString());
            assertEquals("k=" + CANARY, allowed.out(), allowed.err());
            Reply refused = command(link, Map.of(), null, "inject", "-i", outside.toString());
            assertEquals("refused", refused.type(), refused.err());
            assertTrue(!refused.out().contains(AgentFixture.UNLINKED_CANARY));
        }
        List<String> decisions = agent.session().database().read(c -> agent.session().audit().page(c, null, null, 50))
                .stream().filter(r -> r.detailsJson().contains("inject")).map(r -> r.action() + " " + r.detailsJson()).toList();
        assertTrue(decisions.stream().anyMatch(d -> d.contains("\"secrets\":\"" + SECRET + "\"")), decisions.toString());
        assertTrue(decisions.stream().anyMatch(d -> d.contains("\"secrets\":\"" + AgentFixture.UNLINKED + "\"")),
                decisions.toString());
        assertTrue(decisions.stream().noneMatch(d -> d.contains(CANARY) || d.contains(AgentFixture.UNLINKED_CANARY)));
    }
}
