package dev.keyward.automation.dashboard.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.FakeProvider;
import dev.keyward.automation.dashboard.FakeProvider.Reply;
import dev.keyward.automation.dashboard.HealthStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each provider-specific collector sends and reads beyond the shared status mapping. */
class ProviderSpecificCollectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeProvider provider;

    @BeforeEach
    void startProvider() throws Exception {
        provider = new FakeProvider();
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private CollectionResult collect(ApiCollector collector, String key) {
        try (CollectorRequest request = new CollectorRequest("p", provider.baseUrl(), key.toCharArray(), Duration.ofSeconds(10))) {
            return collector.collect(request);
        }
    }

    @Test
    void anthropicGetsApiKeyAndVersionHeaders() {
        provider.route("/v1/models", Reply.json(200, "{\"data\":[{\"id\":\"m\"}]}")
                .withHeaders(Map.of("anthropic-ratelimit-requests-limit", "50")));

        CollectionResult result = collect(new AnthropicCollector(ProviderHttp.withDefaultClient()), "sk-ant-1");

        FakeProvider.Seen seen = provider.seen().getFirst();
        assertEquals("sk-ant-1", seen.header("x-api-key"));
        assertEquals(AnthropicCollector.DEFAULT_API_VERSION, seen.header("anthropic-version"));
        assertNull(seen.header("Authorization"));
        assertTrue(result.restrictionsJson().contains("\"rate_limit_requests\":50"));
    }

    @Test
    void gitHubCoreRateLimitBecomesUsagePercent() throws Exception {
        provider.route("/rate_limit", Reply.json(200,
                "{\"resources\":{\"core\":{\"limit\":5000,\"used\":4100,\"remaining\":900,\"reset\":1700000000},"
                        + "\"search\":{\"limit\":30,\"used\":0}},\"rate\":{\"limit\":5000}}")
                .withHeaders(Map.of("X-OAuth-Scopes", "repo, read:org, <script>")));

        CollectionResult result = collect(new GitHubCollector(ProviderHttp.withDefaultClient()), "ghp_abc");

        assertEquals("token ghp_abc", provider.seen().getFirst().header("Authorization"));
        JsonNode usage = JSON.readTree(result.usageStatsJson());
        assertEquals(82.0, usage.get("usage_percent").asDouble());
        assertEquals(4100, usage.get("requests").asLong());
        assertEquals("2023-11-14T22:13:20Z", usage.get("reset_at").asText());
        assertEquals("[\"repo\",\"read:org\"]", JSON.readTree(result.configAttributesJson()).get("scopes").toString());
    }

    @Test
    void gitHubTokenExpiryComesFromItsResponseHeader() throws Exception {
        provider.route("/rate_limit", Reply.json(200, "{\"resources\":{\"core\":{\"limit\":5000,\"used\":1}}}")
                .withHeaders(Map.of("github-authentication-token-expiration", "2026-04-01 00:00:00 UTC")));

        CollectionResult result = collect(new GitHubCollector(ProviderHttp.withDefaultClient()), "github_pat_abc");

        assertEquals("2026-04-01T00:00:00Z", JSON.readTree(result.configAttributesJson()).get("token_expires_at").asText());
        assertEquals(java.util.Optional.of(java.time.Instant.parse("2026-04-01T08:00:00Z")),
                GitHubCollector.expiry("2026-04-01 10:00:00 +0200"), "the older form with an offset");
        assertTrue(GitHubCollector.expiry("next tuesday").isEmpty());
    }

    @Test
    void gitHubUsedIsDerivedFromRemainingWhenAbsent() throws Exception {
        provider.route("/rate_limit", Reply.json(200, "{\"resources\":{\"core\":{\"limit\":60,\"remaining\":45}}}"));

        CollectionResult result = collect(new GitHubCollector(ProviderHttp.withDefaultClient()), "ghp_abc");

        assertEquals(25.0, JSON.readTree(result.usageStatsJson()).get("usage_percent").asDouble());
    }

    @Test
    void gitHubForbiddenWithExhaustedLimitIsThrottlingNotAnInvalidToken() {
        provider.route("/rate_limit", Reply.json(403, "{}").withHeaders(Map.of("x-ratelimit-remaining", "0")));

        CollectionResult result = collect(new GitHubCollector(ProviderHttp.withDefaultClient()), "ghp_abc");

        assertEquals(HealthStatus.DEGRADED, result.health());
        assertEquals(FailureCause.RATE_LIMITED, result.cause());
    }

    @Test
    void gitHubAnswerWithoutCoreIsPartial() {
        provider.route("/rate_limit", Reply.json(200, "{\"resources\":{}}"));

        CollectionResult result = collect(new GitHubCollector(ProviderHttp.withDefaultClient()), "ghp_abc");

        assertEquals(CollectionStatus.PARTIAL, result.status());
        assertEquals(HealthStatus.VALID, result.health());
    }

    @Test
    void stripeBalanceIsRecordedPerCurrency() throws Exception {
        provider.route("/v1/balance", Reply.json(200, "{\"object\":\"balance\",\"livemode\":true,"
                + "\"available\":[{\"amount\":123456,\"currency\":\"usd\",\"source_types\":{\"card\":123456}},"
                + "{\"amount\":-50,\"currency\":\"EUR\"}],\"pending\":[{\"amount\":700,\"currency\":\"usd\"}]}"));

        CollectionResult result = collect(new StripeCollector(ProviderHttp.withDefaultClient()), "sk_test_1");

        assertEquals("Bearer sk_test_1", provider.seen().getFirst().header("Authorization"));
        assertEquals(CollectionStatus.SUCCESS, result.status());
        assertEquals("{\"available\":[{\"amount_minor\":123456,\"currency\":\"usd\"},{\"amount_minor\":-50,\"currency\":\"eur\"}],"
                + "\"pending\":[{\"amount_minor\":700,\"currency\":\"usd\"}]}", result.usageStatsJson());
        assertEquals("{\"livemode\":true}", result.configAttributesJson());
    }

    /** A Stripe API v2 "API key" object as the v2 reference documents it; {@code token} is only sent for test-mode keys. */
    private static String stripeKey(String id, String redacted, String expiresAt, String token) {
        return """
                {"id":"%s","object":"v2.iam.api_key","type":"secret_key","status":"active","livemode":false,
                 "created":"2026-01-02T00:00:00.000Z","expires_at":%s,"last_used":null,"name":"k","note":null,
                 "ip_allowlist":[],"managed_by":null,"publishable_key":null,
                 "secret_key":{"secret_token_redacted":"%s","token":%s}}""".formatted(id, expiresAt == null ? "null"
                : "\"" + expiresAt + "\"", redacted, token == null ? "null" : "\"" + token + "\"");
    }

    @Test
    void stripeRestrictedKeyExpiryComesFromTheV2KeyListAcrossPages() throws Exception {
        String key = "rk_test_51CANARYrestricted00000000000000wxyz";
        provider.route("/v1/balance", Reply.json(200, "{\"object\":\"balance\",\"livemode\":false,\"available\":[],\"pending\":[]}"));
        java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
        provider.route("/v2/iam/api_keys", seen -> pages.incrementAndGet() == 1
                ? Reply.json(200, "{\"data\":[" + stripeKey("ak_other", "rk_test_51C...abcd", null,
                        "rk_test_51CANARYothertestmodetoken000000abcd") + "],\"next_page_url\":\"/v2/iam/api_keys?page=p2&limit=100\","
                        + "\"previous_page_url\":null}")
                : Reply.json(200, "{\"data\":[" + stripeKey("ak_this", "rk_test_51C...wxyz", "2026-04-01T00:00:00.000Z", key)
                        + "],\"next_page_url\":null,\"previous_page_url\":\"/v2/iam/api_keys?page=p1\"}"));

        CollectionResult result = collect(new StripeCollector(ProviderHttp.withDefaultClient()), key);

        assertEquals(CollectionStatus.SUCCESS, result.status());
        assertEquals("2026-04-01T00:00:00Z", JSON.readTree(result.configAttributesJson()).get("token_expires_at").asText());
        assertEquals(2, pages.get(), "the second page was read");
        FakeProvider.Seen list = provider.seen().stream().filter(s -> s.path().equals("/v2/iam/api_keys")).findFirst().orElseThrow();
        assertEquals(StripeCollector.V2_VERSION, list.header("Stripe-Version"), "v2 requests name their API version");
        assertEquals("Bearer " + key, list.header("Authorization"));
        assertTrue(!result.configAttributesJson().contains("CANARY") && !String.valueOf(result.usageStatsJson()).contains("CANARY"),
                "no token from the list is kept: " + result.configAttributesJson());
    }

    @Test
    void stripeKeyWithoutThePermissionToListKeysHasNoExpiryAndNoProblem() {
        provider.route("/v1/balance", Reply.json(200, "{\"object\":\"balance\",\"available\":[],\"pending\":[]}"))
                .route("/v2/iam/api_keys", Reply.json(403, "{\"error\":{\"type\":\"invalid_request_error\","
                        + "\"code\":\"secret_key_required\",\"message\":\"This API call cannot be made with a restricted key.\"}}"));

        CollectionResult result = collect(new StripeCollector(ProviderHttp.withDefaultClient()), "rk_live_abc");

        assertEquals(CollectionStatus.SUCCESS, result.status());
        assertEquals(HealthStatus.VALID, result.health());
        assertTrue(result.configAttributesJson() == null || !result.configAttributesJson().contains("token_expires_at"));
    }

    @Test
    void stripeBalanceWithoutAmountsIsPartialWithoutUsage() {
        provider.route("/v1/balance", Reply.json(200, "{\"object\":\"balance\",\"available\":[{\"currency\":\"usd\"}]}"));

        CollectionResult result = collect(new StripeCollector(ProviderHttp.withDefaultClient()), "sk_test_1");

        assertEquals(CollectionStatus.PARTIAL, result.status());
        assertNull(result.usageStatsJson());
    }

    @Test
    void genericCollectorUsesTheConfiguredPathAndHeader() {
        provider.route("/api/whoami", Reply.json(204, ""));

        CollectionResult result = collect(
                new GenericValidityCollector(ProviderHttp.withDefaultClient(), "/api/whoami", "X-Api-Key", ""), "gen-9");

        assertEquals("gen-9", provider.seen().getFirst().header("X-Api-Key"));
        assertEquals(HealthStatus.VALID, result.health());
    }

    @Test
    void genericCollectorCallsAnUnknownPathAnUnexpectedStatus() {
        CollectionResult result = collect(GenericValidityCollector.bearer(ProviderHttp.withDefaultClient(), "/nope"), "gen-9");

        assertEquals(HealthStatus.UNKNOWN, result.health());
        assertEquals(FailureCause.UNEXPECTED_STATUS, result.cause());
        assertTrue(result.errorMessageRedacted().contains("HTTP 404"));
    }
}
