package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward recommend}: scan a folder or a project, list, accept and reject. */
class RecommendCliTest {

    private static final String PASSWORD = "recommend-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path work;
    private CliRunner cli;
    private Path project;

    @BeforeEach
    void createProfileAndProject() throws IOException {
        cli = CliRunner.withProfile(data, PASSWORD);
        project = work.resolve("shop");
        Files.createDirectories(project.resolve("docs"));
        Files.writeString(project.resolve("README.md"), """
                # Shop

                A small online shop. We accept card payments at checkout and send transactional email receipts.
                """);
        Files.writeString(project.resolve("docs/search.md"), "Customers can use full-text search over the catalogue.\n");
    }

    @Test
    void scanListAcceptAndReject() throws IOException {
        CliRunner.Result scanned = cli.run("recommend", project.toString());
        assertEquals(0, scanned.code(), scanned.err());
        assertTrue(scanned.out().startsWith("Read README.md, docs/search.md: 3 needs found."), scanned.out());
        assertTrue(scanned.out().contains("payments: \"A small online shop.") || scanned.out().contains("payments: \"We accept"),
                scanned.out());
        assertTrue(scanned.out().contains("Stripe"), scanned.out());

        JsonNode rows = JSON.readTree(cli.run("recommend", "list", "--json").out());
        JsonNode stripe = null;
        JsonNode algolia = null;
        for (JsonNode row : rows) {
            assertEquals("new", row.get("user_status").asText());
            if (row.get("provider").asText().equals("stripe")) {
                stripe = row;
            }
            if (row.get("provider").asText().equals("algolia")) {
                algolia = row;
            }
        }
        assertTrue(stripe != null && algolia != null, rows.toString());
        assertEquals("search", algolia.get("capability_needed").asText());

        CliRunner.Result accepted = cli.run("recommend", "accept", stripe.get("id").asText().substring(0, 8));
        assertEquals(0, accepted.code(), accepted.err());
        assertTrue(accepted.out().startsWith("Accepted Stripe for payments"), accepted.out());
        assertEquals(0, cli.run("recommend", "reject", algolia.get("id").asText()).code());
        String listed = cli.run("recommend", "list").out();
        assertTrue(listed.lines().anyMatch(l -> l.contains("accepted") && l.contains("Stripe")), listed);
        assertTrue(listed.lines().anyMatch(l -> l.contains("rejected") && l.contains("Algolia")), listed);
        assertTrue(cli.run("audit", "list", "--limit", "50").out().contains("recommendation_accept"));

        assertEquals(4, cli.run("recommend", "accept", "ffffffff").code());
        assertEquals(2, cli.run("recommend", "accept", "zz").code());
    }

    @Test
    void projectRemembersItsFolderAndUnknownTargetsAreNotFound() throws IOException {
        assertEquals(0, cli.run("project", "create", "shop").code());
        CliRunner.Result noFolder = cli.run("recommend", "shop");
        assertEquals(2, noFolder.code());
        assertTrue(noFolder.err().contains("recommend PATH --project shop"), noFolder.err());

        JsonNode first = JSON.readTree(cli.run("recommend", project.toString(), "--project", "shop", "--json").out());
        JsonNode again = JSON.readTree(cli.run("recommend", "shop", "--json").out());

        assertTrue(first.get("added").size() > 0);
        assertEquals("shop", first.get("added").get(0).get("project").asText());
        assertEquals(0, again.get("added").size());
        assertEquals(first.get("added").size(), again.get("already_known").asInt());
        assertEquals(first.get("added").size(), JSON.readTree(cli.run("recommend", "list", "--project", "shop", "--json").out()).size());
        assertEquals(4, cli.run("recommend", work.resolve("missing").toString()).code());
        assertEquals(2, cli.run("recommend").code());
    }
}
