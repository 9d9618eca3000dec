package dev.keyward.automation.dashboard.service;

import static dev.keyward.automation.dashboard.admin.AdminApiFake.fixture;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.dashboard.admin.AdminApiFake;
import dev.keyward.automation.dashboard.admin.AdminApiFake.Reply;
import dev.keyward.automation.dashboard.hygiene.HygieneFinding;
import dev.keyward.automation.dashboard.hygiene.HygieneKind;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh with an Anthropic admin key in a real vault against a loopback admin API answering the documented
 * Usage and Cost Analytics and List API Keys shapes (key list paged with {@code after_id}): per-key usage and cost,
 * matching by hint, an archived key and an unknown copy in the hygiene report, missing permissions, canaries.
 */
class AnthropicOrganizationRefreshTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "sk-ant-admin01-CANARYadminSECRET0000000000000ADMN";
    /** Fits the documented example key's hint {@code sk-ant-api03-R2D...igAA}. */
    private static final String DEVELOPER = "sk-ant-api03-R2DCANARYdevSECRET000000000000igAA";
    /** Fits {@code sk-ant-api03-Old...dddd}, the key the list reports as archived. */
    private static final String ARCHIVED = "sk-ant-api03-OldCANARYarchivedSECRET0000000dddd";
    private static final String LAST_PAGE = "after_id=apikey_01OldRevokedKey000000000";

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at("2026-03-10T12:00:00Z");
    private TestVault vault;
    private AdminApiFake fake;

    @BeforeEach
    void setUp() throws Exception {
        vault = TestVault.create(dir, clock);
        fake = new AdminApiFake();
        for (String slug : List.of("openai", "anthropic")) {
            vault.setStatusPageUrl(slug, "");
        }
        vault.setApiBaseUrl("anthropic", fake.baseUrl() + "/v1");
        // Page 1 is the documented example with has_more true; page 2 (after its last_id) lists a key nobody has.
        String firstPage = fixture("anthropic-api-keys.json").replace("\"has_more\": false", "\"has_more\": true");
        String secondPage = """
                {"data":[{"id":"apikey_01GhostCopy0000000000000","created_at":"2026-01-05T10:00:00Z",
                  "created_by":{"id":"user_01WCz1FkmYMm4gnmykNKUu3Q","type":"user"},"expires_at":null,"name":"CI copy",
                  "partial_key_hint":"sk-ant-api03-Gh0...zzzz","status":"active","type":"api_key","workspace_id":null}],
                 "first_id":"apikey_01GhostCopy0000000000000","last_id":"apikey_01GhostCopy0000000000000","has_more":false}""";
        fake.route("/v1/models", Reply.ok("{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-20250514\"}],"
                        + "\"has_more\":false,\"first_id\":null,\"last_id\":null}"))
                .route("/v1/organizations/analytics/usage", Reply.ok(fixture("anthropic-analytics-usage.json")))
                .route("/v1/organizations/analytics/cost", Reply.ok(fixture("anthropic-analytics-cost.json")))
                .route("/v1/organizations/api_keys", seen -> Reply.ok(seen.queryHas(LAST_PAGE) ? secondPage : firstPage));
        vault.addSecret("anthropic-admin", ADMIN, "anthropic");
        vault.addSecret("developer", DEVELOPER, "anthropic");
        vault.addSecret("archived", ARCHIVED, "anthropic");
    }

    @AfterEach
    void tearDown() {
        fake.close();
        vault.close();
    }

    private DashboardService dashboard() {
        return new DashboardService(vault.session(), DashboardServiceTest.testConfig(clock)
                .withRefresh(RefreshSettings.defaults().withRequestTimeout(Duration.ofSeconds(10))));
    }

    private JsonNode usageOf(String secretName) throws Exception {
        Object json = vault.rows("""
                SELECT d.usage_stats_json FROM dashboard_snapshots d JOIN secrets s ON s.id = d.secret_id
                 WHERE s.name = ? ORDER BY d.collected_at DESC LIMIT 1""", secretName).get(0).get("usage_stats_json");
        return json == null ? JSON.createObjectNode() : JSON.readTree((String) json);
    }

    private Map<String, Object> snapshotOf(String secretName) {
        return vault.rows("""
                SELECT d.collection_status, d.health_status, d.error_message_redacted FROM dashboard_snapshots d
                  JOIN secrets s ON s.id = d.secret_id WHERE s.name = ? ORDER BY d.collected_at DESC LIMIT 1""", secretName)
                .get(0);
    }

    @Test
    void theKeyMatchedByItsHintGetsItsUsageAndCostInItsSnapshotAndDailySummary() throws Exception {
        dashboard().refreshAll(false, RefreshListener.ignoring());

        JsonNode developer = usageOf("developer").get("admin_api");
        assertNotNull(developer, "developer matched apikey_01Rj2N8SVvo6BePZj99NhmiT by its hint: " + usageOf("developer"));
        assertAll(
                () -> assertEquals("apikey_01Rj2N8SVvo6BePZj99NhmiT", developer.get("provider_key_id").asText()),
                () -> assertEquals(12, developer.get("requests_30d").asLong()),
                () -> assertEquals(1500 + 200 + 1000 + 500, developer.get("input_tokens_30d").asLong(),
                        "uncached, cache reads and both cache writes"),
                () -> assertEquals(500, developer.get("output_tokens_30d").asLong()),
                () -> assertEquals(1.23, developer.get("cost_30d").asDouble(), 1e-9, "123.45 cents"),
                () -> assertEquals("USD", developer.get("cost_currency").asText()),
                () -> assertEquals("per_key", developer.get("cost_basis").asText()),
                () -> assertEquals("2026-03-08T00:00:00Z", developer.get("last_used_at").asText(),
                        "Anthropic lists no last use; the usage shows it"),
                () -> assertEquals("2026-03-20T00:00:00Z", developer.get("expires_at").asText()),
                () -> assertEquals("wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ", developer.get("scope_id").asText()),
                () -> assertEquals("[\"claude-3-5-sonnet-20241022\"]", developer.get("models").toString()));

        List<Map<String, Object>> days = vault.rows("""
                SELECT d.summary_date, d.requests, d.input_tokens, d.output_tokens, d.total_cost, d.cost_currency
                  FROM dashboard_daily_summaries d JOIN secrets s ON s.id = d.secret_id WHERE s.name = 'developer'""");
        assertEquals(1, days.size(), days.toString());
        assertAll(
                () -> assertEquals("2026-03-08", days.get(0).get("summary_date")),
                () -> assertEquals(12L, ((Number) days.get(0).get("requests")).longValue()),
                () -> assertEquals(3200L, ((Number) days.get(0).get("input_tokens")).longValue()),
                () -> assertEquals(500L, ((Number) days.get(0).get("output_tokens")).longValue()),
                () -> assertEquals(1.2345, ((Number) days.get(0).get("total_cost")).doubleValue(), 0.005),
                () -> assertEquals("USD", days.get(0).get("cost_currency")));

        JsonNode org = usageOf("anthropic-admin").get("admin_api");
        assertEquals(3, org.get("keys_listed").asInt(), "both pages of the key list were read");
        assertEquals(2, org.get("keys_matched").asInt(), "developer and the archived key");
        assertEquals(1.34, org.get("cost_30d").asDouble(), 1e-9, "123.45 + 10.5 cents, the unattributed row included");
        assertEquals("success", snapshotOf("anthropic-admin").get("collection_status"));

        List<AdminApiFake.Seen> adminCalls = fake.seen().stream().filter(s -> s.path().startsWith("/v1/organizations/")).toList();
        assertTrue(adminCalls.stream().allMatch(s -> ADMIN.equals(s.apiKeyHeader()) && "2023-06-01".equals(s.version())));
        assertTrue(fake.seen("/v1/organizations/analytics/usage").stream()
                .allMatch(s -> "analytics-usage-cost-2026-08-24".equals(s.beta())));
        assertEquals(List.of(false, true), fake.seen("/v1/organizations/api_keys").stream().map(s -> s.queryHas(LAST_PAGE)).toList());
        assertEquals(0, fake.seen("/v1/models").stream().filter(s -> ADMIN.equals(s.apiKeyHeader())).count(),
                "the admin key is not probed like an ordinary key");
        assertFalse(vault.allText().contains("CANARY"));
    }

    @Test
    void anArchivedKeyIsGoneUpstreamAndAKeyNobodyHasIsAnUnknownCopy() throws Exception {
        DashboardService dashboard = dashboard();
        dashboard.refreshAll(false, RefreshListener.ignoring());

        Map<HygieneKind, List<HygieneFinding>> byKind = dashboard.hygiene().report().findings().stream()
                .collect(Collectors.groupingBy(HygieneFinding::kind));
        List<HygieneFinding> gone = byKind.getOrDefault(HygieneKind.GONE_UPSTREAM, List.of());
        assertEquals(List.of("archived"), gone.stream().map(HygieneFinding::secretName).toList(), byKind.toString());
        assertTrue(gone.get(0).sentence().contains("archived at the provider"), gone.get(0).sentence());
        assertEquals(List.of("apikey_01GhostCopy0000000000000"), byKind.getOrDefault(HygieneKind.UNKNOWN_COPY, List.of())
                .stream().map(HygieneFinding::subject).toList());
        assertTrue(byKind.getOrDefault(HygieneKind.EXPIRING, List.of()).stream()
                .anyMatch(f -> "developer".equals(f.secretName())), "expires_at 2026-03-20 is within 14 days");
        assertTrue(byKind.getOrDefault(HygieneKind.UNUSED, List.of()).stream()
                .noneMatch(f -> "developer".equals(f.secretName())), "used on 2026-03-08");
        assertEquals("archived", usageOf("archived").get("admin_api").get("status").asText());
        assertFalse(JSON.writeValueAsString(dashboard.hygiene().report()).contains("CANARY"));
    }

    @Test
    void aKeyTheProviderTurnsInactiveBetweenRefreshesBecomesGoneUpstream() throws Exception {
        DashboardService dashboard = dashboard();
        dashboard.refreshAll(false, RefreshListener.ignoring());
        assertTrue(dashboard.hygiene().report().findings().stream()
                .noneMatch(f -> f.kind() == HygieneKind.GONE_UPSTREAM && "developer".equals(f.secretName())));

        String inactive = fixture("anthropic-api-keys.json").replace("\"status\": \"active\"", "\"status\": \"inactive\"");
        fake.route("/v1/organizations/api_keys", Reply.ok(inactive));
        clock.advance(Duration.ofHours(1));
        dashboard.refreshAll(false, RefreshListener.ignoring());

        List<HygieneFinding> gone = dashboard.hygiene().report().findings().stream()
                .filter(f -> f.kind() == HygieneKind.GONE_UPSTREAM).toList();
        assertEquals(List.of("archived", "developer"), gone.stream().map(HygieneFinding::secretName).sorted().toList());
        assertTrue(gone.stream().anyMatch(f -> f.sentence().contains("'developer' is inactive at the provider")),
                gone.toString());
        assertEquals("inactive", usageOf("developer").get("admin_api").get("status").asText());
    }

    @Test
    void anAdminKeyWithoutTheCostPermissionIsASentenceAndUsageAndKeysStillArrive() throws Exception {
        fake.route("/v1/organizations/analytics/cost", Reply.of(403, fixture("anthropic-error-permission.json")));
        DashboardService dashboard = dashboard();
        dashboard.refreshAll(false, RefreshListener.ignoring());

        Map<String, Object> admin = snapshotOf("anthropic-admin");
        assertEquals("partial", admin.get("collection_status"));
        assertEquals("valid", admin.get("health_status"), "the key works; it only lacks a permission");
        String sentence = (String) admin.get("error_message_redacted");
        assertTrue(sentence.contains("lacks the permission to read costs"), sentence);
        JsonNode developer = usageOf("developer").get("admin_api");
        assertEquals(12, developer.get("requests_30d").asLong());
        assertFalse(developer.has("cost_30d"), "an unread cost is unknown, not zero: " + developer);
        assertTrue(dashboard.hygiene().report().findings().stream().anyMatch(f -> f.kind() == HygieneKind.GONE_UPSTREAM));
    }

    @Test
    void theAdminKeyAndVaultKeysAProviderEchoesReachNoLogNoColumnAndNoReport() throws Exception {
        fake.route("/v1/organizations/analytics/cost", Reply.of(403, "{\"type\":\"error\",\"error\":{\"type\":"
                                + "\"permission_error\",\"message\":\"Key " + ADMIN + " may not read costs\"}}")
                        .withHeaders(Map.of("request-id", ADMIN)))
                .route("/v1/organizations/analytics/usage", Reply.of(429, "{\"type\":\"error\",\"error\":{\"type\":"
                        + "\"rate_limit_error\",\"message\":\"Slow down " + DEVELOPER + "\"}}").withHeaders(Map.of("retry-after", ARCHIVED)));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        // slf4j-simple looks System.err up on every line, so swapping it captures the refresh's log.
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        String report;
        try {
            DashboardService dashboard = dashboard();
            dashboard.refreshAll(false, RefreshListener.ignoring());
            report = JSON.writeValueAsString(dashboard.hygiene().report());
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }

        String errors = (String) snapshotOf("anthropic-admin").get("error_message_redacted");
        assertTrue(errors.contains("lacks the permission to read costs"), errors);
        assertTrue(errors.contains("HTTP 429"), errors);
        for (String value : List.of(ADMIN, DEVELOPER, ARCHIVED, "CANARY")) {
            assertFalse(captured.toString(StandardCharsets.UTF_8).contains(value), "in the log: " + value);
            assertFalse(vault.allText().contains(value), "in a column: " + value);
            assertFalse(report.contains(value), "in the hygiene report: " + value);
        }
    }
}
