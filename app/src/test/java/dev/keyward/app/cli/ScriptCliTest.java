package dev.keyward.app.cli;

import dev.keyward.app.testing.RequiresChromium;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.practice.PracticeCloud;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward script ...} and {@code keyward demo} as a user types them. */
class ScriptCliTest {

    private static final String PASSWORD = "script-cli-password";
    private static final String PRACTICE_PASSWORD = "Practice-Canary-0f3e9a7b";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path work;
    private CliRunner cli;

    @BeforeEach
    void createProfile() {
        cli = CliRunner.withProfile(data, PASSWORD);
    }

    private Path sample(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("samples/programs"))) {
            dir = dir.getParent();
        }
        return Files.copy(dir.resolve("samples/programs/" + name), work.resolve(name));
    }

    private String importedId(CliRunner.Result imported) {
        assertEquals(0, imported.code(), imported.err());
        return imported.out().split(" ")[2];
    }

    @Test
    void importListShowApproveWork() throws IOException {
        String id = importedId(cli.run("script", "import", sample("set-billing-cap.json").toString()));
        assertTrue(cli.run("script", "import", work.resolve("set-billing-cap.json").toString()).out().contains("unchanged"));

        JsonNode list = JSON.readTree(cli.run("script", "list", "--json").out());
        assertEquals(1, list.size());
        assertEquals("pending", list.get(0).get("approval_status").asText());
        assertEquals("practice-cloud", list.get(0).get("provider").asText());

        CliRunner.Result shown = cli.run("script", "show", id);
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().contains("\"save-cap\"") && shown.out().contains("pending"), shown.out());
        assertEquals(0, cli.run("script", "approve", id).code());
        assertEquals("approved", JSON.readTree(cli.run("script", "show", id, "--json").out()).get("approval_status").asText());
        assertEquals(4, cli.run("script", "show", "ffffffff").code(), "unknown id: not found");
    }

    @Test
    void invalidProgramIsRefusedWithStepAndFieldAndExitCode2() throws IOException {
        Path file = sample("rotate-api-key.json");
        Files.writeString(file, Files.readString(file).replace("\"type\": \"extract\"", "\"type\": \"run_js\""));
        CliRunner.Result r = cli.run("script", "import", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("step 'store-new-key': field 'type' must be one of"), r.err());
        assertEquals("[ ]", cli.run("script", "list", "--json").out().strip());
    }

    @Test
    @RequiresChromium
    void runAsksOnTheTerminalAndModifyChangesTheCap() throws IOException {
        try (PracticeCloud cloud = PracticeCloud.start(0)) {
            cloud.state().account().setCredentials("demo@practice.test", PRACTICE_PASSWORD);
            assertEquals(0, cli.feed(PRACTICE_PASSWORD, "secret", "add", "practice-cloud-password", "--value-stdin").code());
            String id = importedId(cli.run("script", "import", sample("set-billing-cap.json").toString()));

            CliRunner.Result run = cli.feed("approve\napprove sign in\napprove first look\nmodify 60 a little more headroom\n",
                    "script", "run", id, "--input", "base_url=" + cloud.baseUrl(), "--input", "cap=40");

            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("== Checkpoint: script_review") && run.out().contains("== Checkpoint: account")
                    && run.out().contains("== Checkpoint: billing"), run.out());
            assertTrue(run.out().contains("Value:    '40'"), run.out());
            assertEquals(List.of(new BigDecimal("60")), cloud.state().capChanges());
            assertTrue(cli.run("script", "show", id).out().contains("checkpoints 4/4 approved"));

            CliRunner.Result rejected = cli.feed("approve\nreject too high\n", "script", "run", id,
                    "--input", "base_url=" + cloud.baseUrl(), "--input", "cap=999");
            assertEquals(1, rejected.code());
            assertTrue(rejected.err().contains("aborted"), rejected.err());
            assertEquals(List.of(new BigDecimal("60")), cloud.state().capChanges());
        }
        assertFalse(cli.transcript().contains(PRACTICE_PASSWORD), "the practice password was printed");
    }

    @Test
    @RequiresChromium
    void demoCreatesItsProfileImportsSamplesAndStopsAtACheckpoint() throws IOException {
        Path demo = work.resolve("demo-data");
        CliRunner.Result first = cli.feed("approve\napprove\nreject not today\n", "demo", "--demo-dir", demo.toString());
        assertEquals(0, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("== Checkpoint: script_review"), first.out());
        assertTrue(first.out().contains("== Checkpoint: billing"), first.out());
        assertTrue(first.out().contains(": aborted"), first.out());
        assertTrue(first.out().contains("(new)"));

        CliRunner demoCli = new CliRunner(demo).env("KEYWARD_PASSWORD", "keyward-demo-password");
        JsonNode scripts = JSON.readTree(demoCli.run("script", "list", "--json").out());
        assertEquals(4, scripts.size());
        JsonNode secrets = JSON.readTree(demoCli.run("secret", "list", "--json").out());
        assertEquals("practice-cloud-password", secrets.get(0).get("name").asText());

        CliRunner.Result again = cli.feed("", "demo", "--demo-dir", demo.toString(), "--sample", "read-usage-dashboard.json");
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("(reused)"));
        assertTrue(again.out().contains("Input ended"), "no answer on stdin: the review is rejected");
        assertFalse(cli.transcript().contains("practice-password"), "the practice password was printed");
        try (Stream<Path> files = Files.walk(data)) {
            assertTrue(files.noneMatch(p -> p.toString().contains("demo")), "the demo keeps to its own folder");
        }
    }
}
