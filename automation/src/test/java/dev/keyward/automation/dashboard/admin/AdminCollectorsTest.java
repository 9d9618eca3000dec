package dev.keyward.automation.dashboard.admin;

import static dev.keyward.automation.dashboard.admin.AdminApiFake.fixture;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.admin.AdminApiFake.Reply;
import dev.keyward.automation.dashboard.collect.AnthropicAdminCollector;
import dev.keyward.automation.dashboard.collect.CollectorRequest;
import dev.keyward.automation.dashboard.collect.OpenAiAdminCollector;
import dev.keyward.automation.dashboard.collect.ProviderHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API readers against loopback fakes that answer with the providers' documented example responses. */
class AdminCollectorsTest {

    private static final String OPENAI_ADMIN = "sk-admin-CANARYadminKEY0000000000000000000000";
    private static final String ANTHROPIC_ADMIN = "sk-ant-admin01-CANARYadminKEY000000000000000000";
    private static final Instant SINCE = Instant.parse("2026-02-08T00:00:00Z");

    private static final String EMPTY_PAGE = "{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}";
    /** The images usage endpoint's documented result shape: requests and images, no tokens. */
    private static final String IMAGES_PAGE = """
            {"object":"page","data":[{"object":"bucket","start_time":1773014400,"end_time":1773100800,"results":[
             {"object":"organization.usage.images.result","images":4,"num_model_requests":2,"size":null,"source":null,
              "project_id":null,"user_id":null,"api_key_id":"key_beta","model":"dall-e-3"}]}],"has_more":false,"next_page":null}""";

    private AdminApiFake fake;

    @BeforeEach
    void setUp() throws Exception {
        fake = new AdminApiFake();
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private void openAiOrganisation() {
        fake.route("/v1/organization/usage/completions", seen -> seen.queryHas("page=")
                        ? Reply.ok(fixture("openai-usage-completions-page2.json"))
                        : Reply.ok(fixture("openai-usage-completions-page1.json")))
                .route("/v1/organization/usage/embeddings", Reply.ok(EMPTY_PAGE))
                .route("/v1/organization/usage/moderations", Reply.ok(EMPTY_PAGE))
                .route("/v1/organization/usage/images", Reply.ok(IMAGES_PAGE))
                .route("/v1/organization/usage/audio_speeches", Reply.ok(EMPTY_PAGE))
                .route("/v1/organization/usage/audio_transcriptions", Reply.ok(EMPTY_PAGE))
                .route("/v1/organization/costs", Reply.ok(fixture("openai-costs.json")))
                .route("/v1/organization/projects", Reply.ok(fixture("openai-projects.json")))
                .route("/v1/organization/projects/proj_abc/api_keys", seen -> seen.queryHas("after=key_alpha")
                        ? Reply.ok(fixture("openai-project-api-keys-page2.json"))
                        : Reply.ok(fixture("openai-project-api-keys-page1.json")))
                .route("/v1/organization/admin_api_keys", Reply.ok(fixture("openai-admin-api-keys.json")));
    }

    private OrganizationReport openAi() {
        try (CollectorRequest request = new CollectorRequest("openai", fake.baseUrl(), OPENAI_ADMIN.toCharArray(),
                Duration.ofSeconds(5))) {
            return new OpenAiAdminCollector(ProviderHttp.withDefaultClient()).collect(request, SINCE);
        }
    }

    private OrganizationReport anthropic() {
        try (CollectorRequest request = new CollectorRequest("anthropic", fake.baseUrl(), ANTHROPIC_ADMIN.toCharArray(),
                Duration.ofSeconds(5))) {
            return new AnthropicAdminCollector(ProviderHttp.withDefaultClient()).collect(request, SINCE);
        }
    }

    @Test
    void openAiUsageAndKeyListsAreReadAcrossPages() {
        openAiOrganisation();
        OrganizationReport report = openAi();

        assertTrue(report.notes().isEmpty(), report.notes().toString());
        assertEquals(List.of(
                new UsageRow(LocalDate.parse("2026-03-08"), "key_alpha", "gpt-4o-mini-2024-07-18", 5, 1000, 500),
                new UsageRow(LocalDate.parse("2026-03-09"), "key_alpha", "gpt-4-0613", 9, 2000, 700),
                new UsageRow(LocalDate.parse("2026-03-09"), "key_beta", "gpt-4o-mini-2024-07-18", 1, 30, 10),
                new UsageRow(LocalDate.parse("2026-03-09"), "key_beta", "dall-e-3", 2, 0, 0)),
                report.usage(), "both pages of 1d buckets, per key and model, and the image requests");
        assertEquals(List.of("key_alpha", "key_beta", "key_ghost", "key_admin"),
                report.inventory().stream().map(InventoryKey::upstreamId).toList(), "both pages of the project's keys, then the admin keys");
        assertTrue(report.inventoryComplete());
        InventoryKey alpha = report.inventory().get(0);
        assertAll(
                () -> assertEquals("sk-proj-abc...ALPH", alpha.hint()),
                () -> assertEquals("user@example.com", alpha.owner()),
                () -> assertEquals("proj_abc", alpha.scopeId()),
                () -> assertEquals(Instant.ofEpochSecond(1711471533), alpha.createdAt()),
                () -> assertEquals(Instant.ofEpochSecond(1773014400), alpha.lastUsedAt()),
                () -> assertEquals("Service Account", report.inventory().get(1).owner()),
                () -> assertNull(report.inventory().get(2).lastUsedAt()),
                () -> assertTrue(report.inventory().get(3).adminKey()));
        assertEquals(List.of(new CostRow(LocalDate.parse("2026-03-08"), "proj_abc", "key_alpha", 0.04, "USD"),
                new CostRow(LocalDate.parse("2026-03-08"), "proj_abc", null, 0.02, "USD")), report.costs(),
                "costs per key where the provider attributes them, and the project's rest");
        assertTrue(fake.seen("/v1/organization/costs").get(0).queryHas("group_by=project_id&group_by=api_key_id"),
                fake.seen("/v1/organization/costs").get(0).query());

        AdminApiFake.Seen second = fake.seen("/v1/organization/usage/completions").get(1);
        assertTrue(second.queryHas("page=AAAAAGdGxdEiJdKOAAAAAGcqsYA%3D"), "the next_page cursor goes back as page: " + second.query());
        AdminApiFake.Seen first = fake.seen("/v1/organization/usage/completions").get(0);
        assertAll(
                () -> assertTrue(first.queryHas("start_time=" + SINCE.getEpochSecond())),
                () -> assertTrue(first.queryHas("bucket_width=1d")),
                () -> assertTrue(first.queryHas("limit=31"), "31 daily buckets is the documented maximum"),
                () -> assertTrue(first.queryHas("group_by=api_key_id&group_by=model")),
                () -> assertEquals("Bearer " + OPENAI_ADMIN, first.authorization()));
        assertEquals(2, fake.seen("/v1/organization/projects/proj_abc/api_keys").size());
    }

    @Test
    void anAdminKeyWithTooFewPermissionsGivesASentenceAndTheRestIsStillRead() {
        openAiOrganisation();
        fake.route("/v1/organization/costs", Reply.of(403, fixture("openai-error-insufficient-permissions.json")));
        OrganizationReport report = openAi();

        assertFalse(report.costsRead());
        assertFalse(report.keyRejected(), "a missing permission is not a bad key");
        assertTrue(report.usageRead());
        assertEquals(4, report.inventory().size());
        assertEquals(1, report.notes().size(), report.notes().toString());
        String note = report.notes().get(0);
        assertTrue(note.contains("HTTP 403") && note.contains("lacks the permission to read costs")
                && note.contains("insufficient_permissions"), note);
        assertFalse(note.contains("CANARY"), "the provider's message is never copied: " + note);
        assertFalse(note.contains("Missing scopes"), note);
    }

    @Test
    void aRateLimitedPageSaysWhenToComeBackAndMakesTheInventoryIncomplete() {
        openAiOrganisation();
        fake.route("/v1/organization/projects/proj_abc/api_keys", seen -> seen.queryHas("after=key_alpha")
                ? Reply.of(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
                        .withHeaders(Map.of("retry-after", "20", "x-ratelimit-remaining-requests", "0"))
                : Reply.ok(fixture("openai-project-api-keys-page1.json")));
        OrganizationReport report = openAi();

        assertFalse(report.inventoryComplete(), "a failed page must not make the other keys look deleted");
        assertEquals(List.of("key_alpha", "key_admin"), report.inventory().stream().map(InventoryKey::upstreamId).toList());
        assertTrue(report.notes().get(0).contains("HTTP 429; it asks to wait 20 s"), report.notes().toString());
    }

    @Test
    void aRevokedAdminKeyIsOneSentenceNotOnePerEndpoint() {
        List<String> paths = new java.util.ArrayList<>(List.of("/v1/organization/costs", "/v1/organization/projects",
                "/v1/organization/admin_api_keys"));
        for (String kind : List.of("completions", "embeddings", "moderations", "images", "audio_speeches", "audio_transcriptions")) {
            paths.add("/v1/organization/usage/" + kind);
        }
        for (String path : paths) {
            fake.route(path, Reply.of(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + OPENAI_ADMIN
                    + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        }
        OrganizationReport report = openAi();
        assertTrue(report.keyRejected());
        assertEquals(1, report.notes().size());
        assertTrue(report.notes().get(0).contains("rejected the admin key"), report.notes().get(0));
        assertFalse(report.notes().get(0).contains("CANARY"));
    }

    @Test
    void anthropicReadsTheAnalyticsUsageAndCostPerKeyWithTheBetaHeader() {
        fake.route("/v1/organizations/analytics/usage", Reply.ok(fixture("anthropic-analytics-usage.json")))
                .route("/v1/organizations/analytics/cost", Reply.ok(fixture("anthropic-analytics-cost.json")))
                .route("/v1/organizations/api_keys", Reply.ok(fixture("anthropic-api-keys.json")));
        OrganizationReport report = anthropic();

        assertTrue(report.notes().isEmpty(), report.notes().toString());
        assertEquals(List.of(new UsageRow(LocalDate.parse("2026-03-08"), "apikey_01Rj2N8SVvo6BePZj99NhmiT",
                "claude-3-5-sonnet-20241022", 12, 3200, 500)), report.usage(), "input = uncached + cache reads + cache writes");
        assertEquals(List.of(new CostRow(LocalDate.parse("2026-03-08"), "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ",
                        "apikey_01Rj2N8SVvo6BePZj99NhmiT", 1.2345, "USD"),
                new CostRow(LocalDate.parse("2026-03-08"), null, null, 0.105, "USD")), report.costs(),
                "analytics cost is in fractional cents, per key");
        assertTrue(report.costsRead());
        InventoryKey developer = report.inventory().get(0);
        AdminApiFake.Seen usage = fake.seen("/v1/organizations/analytics/usage").get(0);
        AdminApiFake.Seen cost = fake.seen("/v1/organizations/analytics/cost").get(0);
        assertAll(
                () -> assertEquals("sk-ant-api03-R2D...igAA", developer.hint()),
                () -> assertEquals(Instant.parse("2026-03-20T00:00:00Z"), developer.expiresAt()),
                () -> assertEquals("archived", report.inventory().get(1).status()),
                () -> assertEquals(ANTHROPIC_ADMIN, usage.apiKeyHeader()),
                () -> assertEquals("2023-06-01", usage.version()),
                () -> assertEquals("analytics-usage-cost-2026-08-24", usage.beta(), "the analytics API is a beta"),
                () -> assertEquals("analytics-usage-cost-2026-08-24", cost.beta()),
                () -> assertTrue(usage.queryHas("time_bucket_width=1d"), usage.query()),
                () -> assertTrue(usage.queryHas("group_by%5B%5D=api_key_id&group_by%5B%5D=model"), usage.query()),
                () -> assertTrue(cost.queryHas("group_by%5B%5D=api_key_id"), cost.query()),
                () -> assertEquals(null, fake.seen("/v1/organizations/api_keys").get(0).beta(), "no beta on the stable API"));
    }

    @Test
    void anthropicFallsBackToTheLegacyUsageReportWhereAnalyticsIsMissing() {
        fake.route("/v1/organizations/usage_report/messages", Reply.ok(fixture("anthropic-usage-report-messages.json")))
                .route("/v1/organizations/cost_report", Reply.ok(fixture("anthropic-cost-report.json")))
                .route("/v1/organizations/api_keys", Reply.ok(fixture("anthropic-api-keys.json")));
        OrganizationReport report = anthropic();

        assertTrue(report.usageRead());
        assertTrue(report.costsRead());
        assertTrue(report.notes().isEmpty(), report.notes().toString());
        assertEquals(-1, report.usage().get(0).requests(), "the legacy report counts no requests");
        assertEquals(3200, report.usage().get(0).inputTokens());
        assertEquals(List.of(new CostRow(LocalDate.parse("2026-03-08"), "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ", null, 1.2345, "USD")),
                report.costs(), "the legacy cost report is per workspace, in cents");
        AdminApiFake.Seen legacy = fake.seen("/v1/organizations/usage_report/messages").get(0);
        assertAll(
                () -> assertEquals(null, legacy.beta()),
                () -> assertTrue(legacy.queryHas("bucket_width=1d") && legacy.queryHas("limit=31"), legacy.query()),
                () -> assertEquals(null, fake.seen("/v1/organizations/cost_report").get(0).beta()));
    }

    @Test
    void anthropicKeyListIsPagedWithAfterId() {
        String page2 = fixture("anthropic-api-keys.json").replace("\"has_more\": false", "\"has_more\": false")
                .replace("apikey_01Rj2N8SVvo6BePZj99NhmiT", "apikey_02SecondPage")
                .replace("apikey_01OldRevokedKey000000000", "apikey_02SecondPageOld");
        String page1 = fixture("anthropic-api-keys.json").replace("\"has_more\": false", "\"has_more\": true");
        fake.route("/v1/organizations/analytics/usage", Reply.ok(fixture("anthropic-analytics-usage.json")))
                .route("/v1/organizations/analytics/cost", Reply.of(403, fixture("anthropic-error-permission.json")))
                .route("/v1/organizations/api_keys", seen -> seen.queryHas("after_id=apikey_01OldRevokedKey000000000")
                        ? Reply.ok(page2) : Reply.ok(page1));
        OrganizationReport report = anthropic();

        assertEquals(4, report.inventory().size());
        assertTrue(report.inventoryComplete());
        assertTrue(report.notes().get(0).contains("permission_error") && !report.notes().get(0).contains("CANARY"),
                report.notes().toString());
    }
}
