package dev.keyward.automation.dashboard.service;

import static dev.keyward.automation.dashboard.admin.AdminApiFake.fixture;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.dashboard.admin.AdminApiFake;
import dev.keyward.automation.dashboard.admin.AdminApiFake.Reply;
import dev.keyward.automation.dashboard.hygiene.HygieneFinding;
import dev.keyward.automation.dashboard.hygiene.HygieneKind;
import dev.keyward.automation.dashboard.hygiene.HygieneService;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import dev.keyward.vault.NotFoundException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh with an OpenAI admin key in a real vault against a loopback admin API built from the documented
 * example responses: per-key usage in snapshots and daily summaries, the hygiene report, canaries.
 */
class OrganizationRefreshTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "sk-admin-CANARYadminSECRET0000000000ADMN";
    private static final String ALPHA = "sk-proj-abcCANARYalphaSECRET000000ALPH";
    private static final String BETA = "sk-proj-xyzCANARYbetaSECRET0000000BETA";
    private static final String REVOKED = "sk-proj-oldCANARYrevokedSECRET0000GONE";

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
        vault.setApiBaseUrl("openai", fake.baseUrl() + "/v1");
        fake.route("/v1/models", Reply.ok("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}"))
                .route("/v1/organization/usage/completions", seen -> seen.queryHas("page=")
                        ? Reply.ok(fixture("openai-usage-completions-page2.json"))
                        : Reply.ok(fixture("openai-usage-completions-page1.json")))
                .route("/v1/organization/usage/embeddings", Reply.ok("{\"object\":\"page\",\"data\":[],\"has_more\":false}"))
                .route("/v1/organization/usage/moderations", Reply.ok("{\"object\":\"page\",\"data\":[],\"has_more\":false}"))
                .route("/v1/organization/usage/images", Reply.ok("{\"object\":\"page\",\"data\":[],\"has_more\":false}"))
                .route("/v1/organization/usage/audio_speeches", Reply.ok("{\"object\":\"page\",\"data\":[],\"has_more\":false}"))
                .route("/v1/organization/usage/audio_transcriptions", Reply.ok("{\"object\":\"page\",\"data\":[],\"has_more\":false}"))
                .route("/v1/organization/costs", Reply.ok(costsWithASpike()))
                .route("/v1/organization/projects", Reply.ok(fixture("openai-projects.json")))
                .route("/v1/organization/projects/proj_abc/api_keys", seen -> seen.queryHas("after=key_alpha")
                        ? Reply.ok(fixture("openai-project-api-keys-page2.json"))
                        : Reply.ok(fixture("openai-project-api-keys-page1.json")))
                .route("/v1/organization/admin_api_keys", Reply.ok(fixture("openai-admin-api-keys.json")));
        vault.addSecret("openai-admin", ADMIN, "openai");
        vault.addSecret("alpha", ALPHA, "openai");
        vault.addSecret("beta", BETA, "openai");
        vault.addSecret("revoked", REVOKED, "openai");
    }

    @AfterEach
    void tearDown() {
        fake.close();
        vault.close();
    }

    /**
     * Eight quiet days of 1.00 USD on proj_abc, all key_alpha's, then 10.00 USD on 2026-03-09: 4.00 by key_alpha and
     * 6.00 by key_beta, grouped by project and key as the OpenAI costs endpoint reports them.
     */
    private static String costsWithASpike() {
        StringBuilder buckets = new StringBuilder();
        for (int day = 1; day <= 9; day++) {
            long start = LocalDate.of(2026, 3, day).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            String results = day == 9 ? cost(4.0, "key_alpha") + "," + cost(6.0, "key_beta") : cost(1.0, "key_alpha");
            buckets.append(day == 1 ? "" : ",").append("""
                    {"object":"bucket","start_time":%d,"end_time":%d,"results":[%s]}""".formatted(start, start + 86400, results));
        }
        return "{\"object\":\"page\",\"data\":[" + buckets + "],\"has_more\":false,\"next_page\":null}";
    }

    private static String cost(double amount, String keyId) {
        return """
                {"object":"organization.costs.result","amount":{"value":%s,"currency":"usd"},"line_item":null,
                 "project_id":"proj_abc","api_key_id":"%s","quantity":null}""".formatted(amount, keyId);
    }

    private DashboardService dashboard() {
        // A loaded CI machine can take more than the usual test timeout for the first loopback request.
        return new DashboardService(vault.session(), DashboardServiceTest.testConfig(clock)
                .withRefresh(dev.keyward.automation.dashboard.refresh.RefreshSettings.defaults()
                        .withRequestTimeout(java.time.Duration.ofSeconds(10))));
    }

    private JsonNode usageOf(String secretName) throws Exception {
        Object json = vault.rows("""
                SELECT d.usage_stats_json FROM dashboard_snapshots d JOIN secrets s ON s.id = d.secret_id
                 WHERE s.name = ? ORDER BY d.collected_at DESC LIMIT 1""", secretName).get(0).get("usage_stats_json");
        return json == null ? JSON.createObjectNode() : JSON.readTree((String) json);
    }

    @Test
    void eachMatchedKeyGetsItsDailyUsageAndTheAdminKeyItsOrganisation() throws Exception {
        dashboard().refreshAll(false, RefreshListener.ignoring());

        JsonNode alpha = usageOf("alpha").get("admin_api");
        assertNotNull(alpha, "alpha matched key_alpha by its hint");
        assertAll(
                () -> assertEquals("key_alpha", alpha.get("provider_key_id").asText()),
                () -> assertEquals(14, alpha.get("requests_30d").asLong()),
                () -> assertEquals(3000, alpha.get("input_tokens_30d").asLong()),
                () -> assertEquals(1200, alpha.get("output_tokens_30d").asLong()),
                () -> assertEquals("user@example.com", alpha.get("owner").asText()),
                () -> assertEquals("2026-03-09T00:00:00Z", alpha.get("last_used_at").asText()),
                () -> assertEquals(9, alpha.get("daily").size(), "a day with cost and no usage is a day too"),
                () -> assertEquals(12.0, alpha.get("cost_30d").asDouble(), 1e-9),
                () -> assertEquals("USD", alpha.get("cost_currency").asText()),
                () -> assertEquals("per_key", alpha.get("cost_basis").asText()),
                () -> assertEquals("[\"gpt-4-0613\",\"gpt-4o-mini-2024-07-18\"]", alpha.get("models").toString()));
        assertEquals("2026-03-09T00:00:00Z", usageOf("beta").get("admin_api").get("last_used_at").asText(),
                "Beta's listed last use is from 2024, its usage shows yesterday");

        JsonNode org = usageOf("openai-admin").get("admin_api");
        assertEquals(4, org.get("keys_listed").asInt());
        assertEquals(2, org.get("keys_matched").asInt());
        assertEquals(18.0, org.get("cost_30d").asDouble(), 1e-9);
        assertEquals("USD", org.get("cost_currency").asText());
        assertEquals(0, fake.seen("/v1/models").stream().filter(s -> ("Bearer " + ADMIN).equals(s.authorization())).count(),
                "the admin key is not probed like an ordinary key");

        List<Map<String, Object>> days = vault.rows("""
                SELECT d.summary_date, d.requests, d.input_tokens, d.output_tokens, d.total_cost, d.cost_currency
                  FROM dashboard_daily_summaries d JOIN secrets s ON s.id = d.secret_id WHERE s.name = 'beta'""");
        assertEquals(1, days.size());
        assertEquals("2026-03-09", days.get(0).get("summary_date"));
        assertEquals(1L, ((Number) days.get(0).get("requests")).longValue());
        assertEquals(30L, ((Number) days.get(0).get("input_tokens")).longValue());
        assertEquals(6.0, ((Number) days.get(0).get("total_cost")).doubleValue(), 1e-9,
                "beta shares its project with two keys; the provider's per-key cost is its own");
        assertEquals("USD", days.get(0).get("cost_currency"));
        JsonNode betaDay = usageOf("beta").get("admin_api").get("daily").get(0);
        assertEquals(6.0, betaDay.get("cost").asDouble(), 1e-9);
        assertEquals("USD", betaDay.get("currency").asText());

        String everything = vault.allText();
        for (String value : List.of(ADMIN, ALPHA, BETA, REVOKED, "CANARY")) {
            assertFalse(everything.contains(value), "a key value is in a database column: " + value);
        }
    }

    @Test
    void theHygieneReportNamesEveryKindOfProblemWithItsActions() throws Exception {
        String providerId = (String) vault.rows("SELECT id FROM providers WHERE slug = 'openai'").get(0).get("id");
        vault.execute("""
                INSERT INTO discovery_findings (id, profile_id, provider_id, discovered_at, source_url, source_title,
                    source_snippet, category, impact_summary, action_recommendation, urgency, relevance_score, created_at)
                VALUES ('f-retire', ?, ?, '2026-03-01T00:00:00Z', 'https://example.test/deprecations', 'Deprecation of gpt-4-0613',
                    'On 2026-06-06 gpt-4-0613 will be shut down.', 'deprecation', 'Calls to the model will fail.', 'Move to a newer model.',
                    'advisory', 0.9, '2026-03-01T00:00:00Z')""", vault.session().profileId(), providerId);
        DashboardService dashboard = dashboard();
        dashboard.refreshAll(false, RefreshListener.ignoring());

        HygieneService.Report report = dashboard.hygiene().report();
        Map<HygieneKind, List<HygieneFinding>> byKind = report.findings().stream()
                .collect(java.util.stream.Collectors.groupingBy(HygieneFinding::kind));
        assertAll(
                () -> assertEquals(List.of("revoked"), names(byKind.get(HygieneKind.GONE_UPSTREAM)), "the vault key no longer listed"),
                () -> assertEquals(List.of("key_ghost"), subjects(byKind.get(HygieneKind.UNKNOWN_COPY))),
                () -> assertEquals(List.of("key_ghost"), subjects(byKind.get(HygieneKind.UNUSED)), "never used since 2024"),
                () -> assertEquals(1, byKind.get(HygieneKind.SPEND_SPIKE).size()),
                () -> assertTrue(byKind.get(HygieneKind.SPEND_SPIKE).get(0).sentence().contains("2026-03-09 was 10.00 USD"),
                        byKind.get(HygieneKind.SPEND_SPIKE).get(0).sentence()),
                () -> assertEquals(List.of("gpt-4-0613"), subjects(byKind.get(HygieneKind.RETIRED_MODEL_IN_USE))),
                () -> assertTrue(byKind.get(HygieneKind.RETIRED_MODEL_IN_USE).get(0).sentence().contains("'alpha'"),
                        "linked to the one key whose usage shows the model"),
                () -> assertFalse(byKind.get(HygieneKind.RETIRED_MODEL_IN_USE).get(0).sentence().contains("'beta'")));
        assertEquals("critical", vault.rows("SELECT urgency FROM discovery_findings WHERE id = 'f-retire'").get(0).get("urgency"),
                "a retired model used yesterday makes the deprecation critical");
        assertEquals(List.of("f-retire"), report.raisedFindings());

        HygieneFinding ghost = byKind.get(HygieneKind.UNKNOWN_COPY).get(0);
        assertTrue(ghost.actions().get(0) instanceof dev.keyward.automation.dashboard.hygiene.HygieneAction.OpenProviderPage);
        dashboard.hygiene().dismiss(ghost.key());
        assertTrue(dashboard.hygiene().report().findings().stream().noneMatch(f -> f.key().equals(ghost.key())));
        assertThrows(NotFoundException.class, () -> dashboard.hygiene().dismiss("unknown:openai:nothing"));

        String json = JSON.writeValueAsString(report);
        assertFalse(json.contains("CANARY"), json);
    }

    @Test
    void theHygieneReportIsAReadAndTheNextRefreshRaisesTheDeprecationItNames() throws Exception {
        DashboardService dashboard = dashboard();
        dashboard.refreshAll(false, RefreshListener.ignoring());
        String providerId = (String) vault.rows("SELECT id FROM providers WHERE slug = 'openai'").get(0).get("id");
        vault.execute("""
                INSERT INTO discovery_findings (id, profile_id, provider_id, discovered_at, source_url, source_title,
                    source_snippet, category, impact_summary, action_recommendation, urgency, relevance_score, created_at)
                VALUES ('f-later', ?, ?, '2026-03-10T00:00:00Z', 'https://example.test/deprecations', 'Deprecation of gpt-4-0613',
                    'On 2026-06-06 gpt-4-0613 will be shut down.', 'deprecation', 'Calls to the model will fail.', 'Move to a newer model.',
                    'advisory', 0.9, '2026-03-10T00:00:00Z')""", vault.session().profileId(), providerId);
        long auditRows = vault.count("SELECT count(*) FROM audit_log");

        HygieneService.Report report = dashboard.hygiene().report();
        assertEquals(List.of("f-later"), report.raisedFindings(), "the report names the deprecation the model use raises");
        assertEquals("advisory", urgencyOf("f-later"), "reading the report changed no finding");
        assertEquals(auditRows, vault.count("SELECT count(*) FROM audit_log"), "reading the report wrote no audit row");

        dashboard.refreshAll(false, RefreshListener.ignoring());
        assertEquals("critical", urgencyOf("f-later"), "the refresh raised it");
        assertEquals(1, vault.count("SELECT count(*) FROM audit_log WHERE action = 'hygiene_urgency' AND subject_id = 'f-later'"));
    }

    private String urgencyOf(String findingId) {
        return (String) vault.rows("SELECT urgency FROM discovery_findings WHERE id = ?", findingId).get(0).get("urgency");
    }

    @Test
    void aCollisionIsSettledByAConfirmationThatTheNextRefreshKeeps() throws Exception {
        // A second vault key with alpha's prefix and tail: key_alpha's hint now fits two vault keys.
        vault.addSecret("alpha-copy", "sk-proj-abcCANARYotherSECRET000000ALPH", "openai");
        DashboardService dashboard = dashboard();
        dashboard.refreshAll(false, RefreshListener.ignoring());
        assertFalse(usageOf("alpha").has("admin_api"), "never guess between two fitting keys");
        assertEquals(List.of("key_alpha"), dashboard.hygiene().report().findings().stream()
                .filter(f -> f.kind() == HygieneKind.UNCONFIRMED_MATCH).map(HygieneFinding::subject).toList());

        dashboard.hygiene().confirmMatch("openai", "key_alpha", "alpha");
        clock.advance(java.time.Duration.ofHours(1));
        dashboard.refreshAll(false, RefreshListener.ignoring());
        assertEquals("key_alpha", usageOf("alpha").get("admin_api").get("provider_key_id").asText());
        assertFalse(usageOf("alpha-copy").has("admin_api"));
        assertThrows(NotFoundException.class, () -> dashboard.hygiene().confirmMatch("openai", "key_nobody", "alpha"));
    }

    @Test
    void tooFewPermissionsForCostsIsASentenceAndUsageStillArrives() throws Exception {
        fake.route("/v1/organization/costs", Reply.of(403, fixture("openai-error-insufficient-permissions.json")));
        dashboard().refreshAll(false, RefreshListener.ignoring());

        Map<String, Object> admin = vault.rows("""
                SELECT d.collection_status, d.health_status, d.error_message_redacted FROM dashboard_snapshots d
                  JOIN secrets s ON s.id = d.secret_id WHERE s.name = 'openai-admin'""").get(0);
        assertEquals("partial", admin.get("collection_status"));
        assertEquals("valid", admin.get("health_status"), "the key works; it only lacks a permission");
        assertTrue(((String) admin.get("error_message_redacted")).contains("lacks the permission to read costs"),
                (String) admin.get("error_message_redacted"));
        assertEquals(14, usageOf("alpha").get("admin_api").get("requests_30d").asLong(), usageOf("alpha").toString());
        assertFalse(vault.allText().contains("CANARY"));
    }

    @Test
    void keyValuesAProviderEchoesReachNoLogNoColumnAndNoReport() throws Exception {
        // Error bodies that quote the admin key and a vault key, and a key list whose "redacted" value is a whole key.
        fake.route("/v1/organization/costs", Reply.of(403, "{\"error\":{\"message\":\"Key " + ADMIN + " lacks api.usage.read\","
                        + "\"type\":\"invalid_request_error\",\"code\":\"insufficient_permissions\"}}")
                        .withHeaders(Map.of("x-request-id", ADMIN)))
                .route("/v1/organization/admin_api_keys", Reply.of(429, "{\"error\":{\"message\":\"Slow down " + ALPHA
                        + "\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}").withHeaders(Map.of("retry-after", ALPHA)))
                .route("/v1/organization/projects/proj_abc/api_keys", Reply.ok(fixture("openai-project-api-keys-page2.json")
                        .replace("sk-proj-xyz...BETA", BETA).replace("\"has_more\": false", "\"has_more\": false")));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream originalErr = System.err;
        java.io.PrintStream originalOut = System.out;
        // slf4j-simple looks System.err up on every line, so swapping it captures the refresh's log.
        java.io.PrintStream capture = new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8);
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

        String errors = vault.rows("SELECT group_concat(coalesce(error_message_redacted, ''), ' | ') AS e FROM dashboard_snapshots")
                .get(0).get("e").toString();
        assertTrue(errors.contains("lacks the permission to read costs"), errors);
        assertTrue(errors.contains("HTTP 429"), errors);
        for (String value : List.of(ADMIN, ALPHA, BETA, "CANARY")) {
            assertFalse(captured.toString(java.nio.charset.StandardCharsets.UTF_8).contains(value), "in the log: " + value);
            assertFalse(vault.allText().contains(value), "in a column: " + value);
            assertFalse(report.contains(value), "in the hygiene report: " + value);
        }
    }

    @Test
    void aSecretMarkedByHandIsReadAsAnAdminKey() throws Exception {
        vault.addSecret("legacy-admin", "legacyCANARYadminFormat00000000", "openai");
        DashboardService dashboard = dashboard();
        assertFalse(dashboard.adminKeyIds().contains(idOf("legacy-admin")));
        dashboard.markAdminKey("legacy-admin", true);
        assertTrue(dashboard.adminKeyIds().contains(idOf("legacy-admin")));
        assertTrue(dashboard.adminKeyIds().contains(idOf("openai-admin")), "the sk-admin- format is recognised");
        dashboard.markAdminKey("legacy-admin", false);
        assertFalse(dashboard.adminKeyIds().contains(idOf("legacy-admin")));
        vault.addSecret("gh", "ghp_CANARY000000000000000000000000000000", "github");
        assertThrows(dev.keyward.vault.InvalidInputException.class, () -> dashboard.markAdminKey("gh", true));
    }

    private String idOf(String name) {
        return (String) vault.rows("SELECT id FROM secrets WHERE name = ?", name).get(0).get("id");
    }

    private static List<String> names(List<HygieneFinding> findings) {
        return findings == null ? List.of() : findings.stream().map(HygieneFinding::secretName).toList();
    }

    private static List<String> subjects(List<HygieneFinding> findings) {
        return findings == null ? List.of() : findings.stream().map(HygieneFinding::subject).toList();
    }
}
