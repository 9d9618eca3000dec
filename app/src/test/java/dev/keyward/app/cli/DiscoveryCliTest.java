package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.keyward.automation.discovery.DiscoveryRun;
import dev.keyward.automation.practice.PracticeCloud;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward discovery run|list|mark} in-process, against Practice Cloud and a request-counting server. */
class DiscoveryCliTest {

    private static final String PASSWORD = "discovery-cli-password";
    private static final String PRACTICE_KEY = "pc_live_CANARYcli0123456789abcdefgh";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private CliRunner cli;
    private PracticeCloud cloud;

    @BeforeEach
    void setUp() throws IOException {
        cloud = PracticeCloud.start(0);
        cli = new CliRunner(data).env("KEYWARD_NEW_PASSWORD", PASSWORD).env("KEYWARD_PASSWORD", PASSWORD);
        assertEquals(0, cli.run("profile", "create", "work").code());
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    private void pointPracticeCloudAt(String base) {
        CliRunner.Result set = cli.run("provider", "set", "practice-cloud", "--status-page-url", base + "/status",
                "--changelog-url", base + "/changelog.atom");
        assertEquals(0, set.code(), set.err());
    }

    @Test
    void runListAndMarkWorkEndToEndAgainstPracticeCloud() throws IOException {
        assertEquals(0, cli.feed(PRACTICE_KEY, "secret", "add", "practice-live", "--value-stdin",
                "--provider", "practice-cloud").code());
        pointPracticeCloudAt(cloud.baseUrl());
        assertEquals(0, cli.run("settings", "set", "discovery_network_enabled", "true").code());

        CliRunner.Result run = cli.run("discovery", "run", "--provider", "practice-cloud");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("practice-cloud       success  3 requests"), run.out());
        Matcher count = Pattern.compile("Checked 1 provider: (\\d+) new findings").matcher(run.out());
        assertTrue(count.find(), run.out());
        int found = Integer.parseInt(count.group(1));
        assertTrue(found >= 5, "status incident, maintenance and at least three changelog entries");
        List<String> lines = run.out().lines().toList();
        String first = lines.get(lines.indexOf("New findings:") + 1);
        assertTrue(first.contains("critical") && first.contains("Security advisory: rotate keys"), run.out());

        JsonNode all = JSON.readTree(cli.run("discovery", "list", "--json").out());
        assertEquals(found, all.size());
        assertEquals("critical", all.get(0).get("urgency").asText(), "most urgent first");
        assertEquals("security_advisory", all.get(0).get("category").asText());
        assertEquals("new", all.get(0).get("user_status").asText());
        String id = all.get(0).get("id").asText();

        CliRunner.Result critical = cli.run("discovery", "list", "--urgency", "critical", "--provider", "practice-cloud");
        assertEquals(1, critical.out().lines().filter(l -> l.startsWith(id.substring(0, 8))).count(), critical.out());

        CliRunner.Result mark = cli.run("discovery", "mark", id.substring(0, 8), "reviewed", "--notes", "Rotated the key");
        assertEquals(0, mark.code(), mark.err());
        assertTrue(mark.out().startsWith("Finding " + id.substring(0, 8) + " is now reviewed ("), mark.out());
        JsonNode reviewed = JSON.readTree(cli.run("discovery", "list", "--status", "reviewed", "--json").out());
        assertEquals(1, reviewed.size());
        assertEquals("Rotated the key", reviewed.get(0).get("user_notes").asText());
        assertFalse(reviewed.get(0).get("reviewed_at").isNull());
        assertEquals(found - 1, JSON.readTree(cli.run("discovery", "list", "--status", "new", "--json").out()).size());

        CliRunner.Result again = cli.run("discovery", "run", "--provider", "practice-cloud");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("skipped") && again.out().contains("checked recently"), again.out());
        assertTrue(again.out().contains("'keyward discovery run --now' checks them anyway."), again.out());
        assertTrue(again.out().contains("The next scheduled check is due at "), again.out());

        CliRunner.Result now = cli.run("discovery", "run", "--provider", "practice-cloud", "--now");
        assertEquals(0, now.code(), now.err());
        assertTrue(now.out().contains("practice-cloud       success  3 requests"), "a fresh check on request: "
                + now.out());
        assertTrue(now.out().contains("The next scheduled check is due at "), now.out());

        assertFalse(cli.transcript().contains(PRACTICE_KEY), "the key value was printed");
        assertFalse(cli.transcript().contains("\u001b"), "an escape sequence reached the terminal");
        assertEquals(List.of(), filesContaining(data, PRACTICE_KEY));
    }

    @Test
    void runHelpStatesTheAgeWindowAndTheHourlyLimit() {
        CliRunner.Result help = cli.run("discovery", "run", "--help");
        String text = help.out().replaceAll("\\s+", " ");

        // The window the help states is the one the run applies.
        assertTrue(text.contains("Items older than " + DiscoveryRun.DEFAULT_MAX_ITEM_AGE.toDays() + " days are left out,"
                + " except status page incidents that are still unresolved"), help.out());
        assertTrue(text.contains("--now checks it again anyway"), help.out());
    }

    @Test
    void networkSwitchOffMeansTheCliMakesNoRequest() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer counter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        counter.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        counter.start();
        try {
            pointPracticeCloudAt("http://127.0.0.1:" + counter.getAddress().getPort());

            CliRunner.Result one = cli.run("discovery", "run", "--provider", "practice-cloud");
            CliRunner.Result all = cli.run("discovery", "run");

            assertEquals(0, hits.get());
            assertEquals(1, one.code());
            assertEquals(1, all.code());
            assertTrue(one.err().contains("'keyward settings set discovery_network_enabled true'"), one.err());
            assertEquals("[ ]", cli.run("discovery", "list", "--json").out().strip());
        } finally {
            counter.stop(0);
        }
    }

    @Test
    void badInputGetsItsExitCodeAndASentence() {
        assertEquals(4, cli.run("discovery", "run", "--provider", "no-such-provider").code());
        assertEquals(4, cli.run("discovery", "list", "--provider", "no-such-provider").code());
        CliRunner.Result urgency = cli.run("discovery", "list", "--urgency", "panic");
        assertEquals(2, urgency.code());
        assertTrue(urgency.err().contains("action_needed"), urgency.err());
        CliRunner.Result status = cli.run("discovery", "mark", "0123abcd", "done");
        assertEquals(2, status.code());
        assertTrue(status.err().contains("reviewed, dismissed, actioned"), status.err());
        CliRunner.Result unknown = cli.run("discovery", "mark", "0123abcd", "dismissed");
        assertEquals(4, unknown.code());
        assertTrue(unknown.err().contains("No discovery finding '0123abcd'"), unknown.err());
        assertEquals(2, cli.run("discovery", "list", "--limit", "0").code());
        assertTrue(cli.run("discovery", "list").out().contains("No findings."));
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("vault.db"))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(text);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
