package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward dashboard hygiene|admin-key|match} against an OpenAI admin API on loopback. */
class DashboardHygieneCliTest {

    private static final String PASSWORD = "hygiene-password-1";
    private static final String ADMIN = "sk-admin-CANARYcliADMIN000000000000ADMN";
    private static final String LISTED = "sk-proj-abcCANARYcliLISTED0000000LIST";
    private static final String GONE = "sk-proj-oldCANARYcliGONE000000000GONE";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMPTY_PAGE = "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}";

    @TempDir
    Path data;
    private CliRunner cli;
    private HttpServer server;

    @BeforeEach
    void setUp() throws Exception {
        // Shapes of the OpenAI API reference's example responses (see automation's admin fixtures).
        Map<String, String> routes = new java.util.HashMap<>();
        for (String kind : java.util.List.of("completions", "embeddings", "moderations", "images", "audio_speeches",
                "audio_transcriptions")) {
            routes.put("/v1/organization/usage/" + kind, EMPTY_PAGE);
        }
        routes.putAll(Map.of(
                "/v1/organization/costs", EMPTY_PAGE,
                "/v1/organization/projects", "{\"object\":\"list\",\"data\":[{\"id\":\"proj_abc\",\"object\":\"organization.project\","
                        + "\"name\":\"P\",\"status\":\"active\"}],\"first_id\":\"proj_abc\",\"last_id\":\"proj_abc\",\"has_more\":false}",
                "/v1/organization/projects/proj_abc/api_keys", "{\"object\":\"list\",\"data\":[{\"object\":\"organization.project.api_key\","
                        + "\"redacted_value\":\"sk-proj-abc...LIST\",\"name\":\"Listed\",\"created_at\":1711471533,"
                        + "\"last_used_at\":" + (System.currentTimeMillis() / 1000 - 3600) + ",\"id\":\"key_listed\",\"owner\":{\"type\":\"user\",\"user\":{\"id\":\"u\","
                        + "\"name\":\"First Last\",\"email\":\"user@example.com\"}}}],\"first_id\":\"key_listed\","
                        + "\"last_id\":\"key_listed\",\"has_more\":false}",
                "/v1/organization/admin_api_keys", "{\"object\":\"list\",\"data\":[],\"has_more\":false}",
                "/v1/models", "{\"object\":\"list\",\"data\":[]}",
                // Statuspage summary.json during an incident (Statuspage public API v2 example shape).
                "/api/v2/summary.json", "{\"page\":{\"id\":\"p\",\"name\":\"OpenAI\"},\"status\":{\"indicator\":\"major\","
                        + "\"description\":\"Partial System Outage\"},\"components\":[{\"id\":\"c\",\"name\":\"API\","
                        + "\"status\":\"major_outage\"}],\"incidents\":[{\"id\":\"i1\",\"name\":\"API down\","
                        + "\"status\":\"investigating\",\"impact\":\"major\"}],\"scheduled_maintenances\":[]}"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = routes.getOrDefault(exchange.getRequestURI().getPath(), "{\"error\":{\"type\":\"not_found\"}}");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(routes.containsKey(exchange.getRequestURI().getPath()) ? 200 : 404, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        cli = CliRunner.withProfile(data, PASSWORD);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void runPrintsOneLineWhenAProviderOfAnInjectedKeyHasAnIncident() throws Exception {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        assertEquals(0, cli.run("provider", "set", "openai", "--api-base-url", root + "/v1", "--status-page-url", root).code());
        assertEquals(0, cli.feed(LISTED, "secret", "add", "listed", "--value-stdin", "--provider", "openai").code());
        assertEquals(0, cli.run("project", "create", "app").code());
        assertEquals(0, cli.run("project", "link", "app", "listed", "--env", "OPENAI_API_KEY").code());

        CliRunner.Result before = cli.run("run", "--project", "app", "--", "sh", "-c", "exit 0");
        assertEquals(0, before.code());
        assertFalse(before.err().contains("incident"), "no status data yet: " + before.err());

        assertEquals(0, cli.run("dashboard", "refresh").code());
        CliRunner.Result run = cli.run("run", "--project", "app", "--", "sh", "-c", "exit 3");
        assertEquals(3, run.code(), "the notice never changes the run");
        assertEquals(1, run.err().lines().filter(l -> l.contains("incident")).count(), run.err());
        assertTrue(run.err().contains("openai (outage) has an incident in the latest status data"), run.err());

        CliRunner.Result quiet = cli.run("run", "--quiet", "--project", "app", "--", "sh", "-c", "exit 0");
        assertFalse(quiet.err().contains("incident"), quiet.err());
    }

    @Test
    void hygieneListsAVaultKeyTheProviderNoLongerListsWithoutPrintingAKey() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        assertEquals(0, cli.run("provider", "set", "openai", "--api-base-url", base, "--status-page-url", "").code());
        assertEquals(0, cli.feed(ADMIN, "secret", "add", "openai-admin", "--value-stdin", "--provider", "openai").code());
        assertEquals(0, cli.feed(LISTED, "secret", "add", "listed", "--value-stdin", "--provider", "openai").code());
        assertEquals(0, cli.feed(GONE, "secret", "add", "gone", "--value-stdin", "--provider", "openai").code());

        CliRunner.Result refresh = cli.run("dashboard", "refresh");
        assertEquals(0, refresh.code(), refresh.err());

        CliRunner.Result hygiene = cli.run("dashboard", "hygiene");
        assertEquals(0, hygiene.code(), hygiene.err());
        assertTrue(hygiene.out().contains("gone upstream  [gone:openai:"), hygiene.out());
        assertTrue(hygiene.out().contains("no longer lists 'gone'"), hygiene.out());
        assertFalse(hygiene.out().contains("'listed'"), "the listed key is matched by its hint and used an hour ago: "
                + hygiene.out());

        JsonNode report = JSON.readTree(cli.run("dashboard", "hygiene", "--json").out());
        assertEquals("GONE_UPSTREAM", report.get("findings").get(0).get("kind").asText());
        String key = report.get("findings").get(0).get("key").asText();
        assertEquals(0, cli.run("dashboard", "hygiene", "--dismiss", key).code());
        assertFalse(cli.run("dashboard", "hygiene").out().contains(key));
        assertEquals(4, cli.run("dashboard", "hygiene", "--dismiss", "gone:openai:nothing").code());

        assertEquals(4, cli.run("dashboard", "match", "openai", "key_nobody", "listed").code());
        assertEquals(0, cli.run("dashboard", "match", "openai", "key_listed", "listed").code());
        assertEquals(0, cli.run("dashboard", "admin-key", "listed").code());
        assertEquals(0, cli.run("dashboard", "admin-key", "listed", "--off").code());

        for (CliRunner.Result result : new CliRunner.Result[] {refresh, hygiene}) {
            for (String value : new String[] {ADMIN, LISTED, GONE, "CANARY"}) {
                assertFalse(result.out().contains(value) || result.err().contains(value), value);
            }
        }
    }
}
