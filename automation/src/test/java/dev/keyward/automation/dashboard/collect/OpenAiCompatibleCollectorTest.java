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
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleCollectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]}";
    private static final String PRACTICE_USAGE =
            "{\"requests\":850,\"limit\":1000,\"usage_percent\":85.0,\"cost\":12.5,\"currency\":\"USD\",\"period\":\"2026-11\"}";

    private FakeProvider provider;

    @BeforeEach
    void startProvider() throws Exception {
        provider = new FakeProvider();
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private CollectionResult collect(URI base) {
        try (CollectorRequest request = new CollectorRequest("practice-cloud", base, "pc-key-42".toCharArray(),
                Duration.ofSeconds(10))) {
            return new OpenAiCompatibleCollector(ProviderHttp.withDefaultClient()).collect(request);
        }
    }

    private CollectionResult collect() {
        return collect(provider.baseUrl());
    }

    @Test
    void practiceCloudUsageIsReadIntoUsageStats() throws Exception {
        provider.route("/v1/models", Reply.json(200, MODELS)).route("/v1/usage", Reply.json(200, PRACTICE_USAGE));

        CollectionResult result = collect();

        assertEquals(CollectionStatus.SUCCESS, result.status());
        assertEquals(HealthStatus.VALID, result.health());
        JsonNode usage = JSON.readTree(result.usageStatsJson());
        assertEquals(850, usage.get("requests").asLong());
        assertEquals(1000, usage.get("limit").asLong());
        assertEquals(85.0, usage.get("usage_percent").asDouble());
        assertEquals(12.5, usage.get("cost").asDouble());
        assertEquals("USD", usage.get("currency").asText());
        assertEquals("2026-11", usage.get("period").asText());
        assertEquals(3, JSON.readTree(result.configAttributesJson()).get("models_available").asInt());
    }

    @Test
    void bothEndpointsGetTheKeyAsBearerToken() {
        provider.route("/v1/models", Reply.json(200, MODELS)).route("/v1/usage", Reply.json(200, PRACTICE_USAGE));

        collect();

        assertEquals(2, provider.seen().size());
        provider.seen().forEach(seen -> assertEquals("Bearer pc-key-42", seen.header("Authorization")));
    }

    @Test
    void usagePercentIsComputedFromRequestsAndLimitWhenMissing() throws Exception {
        provider.route("/v1/models", Reply.json(200, MODELS))
                .route("/v1/usage", Reply.json(200, "{\"requests\":25,\"limit\":200}"));

        CollectionResult result = collect();

        assertEquals(12.5, JSON.readTree(result.usageStatsJson()).get("usage_percent").asDouble());
    }

    @Test
    void missingUsageEndpointIsNoUsageRatherThanAnError() {
        provider.route("/v1/models", Reply.json(200, MODELS));

        CollectionResult result = collect();

        assertEquals(1, provider.hits("/v1/usage"));
        assertEquals(CollectionStatus.SUCCESS, result.status());
        assertNull(result.usageStatsJson());
        assertNull(result.errorMessageRedacted());
    }

    @Test
    void failingUsageEndpointMakesAValidKeyPartial() {
        provider.route("/v1/models", Reply.json(200, MODELS)).route("/v1/usage", Reply.json(502, "bad gateway"));

        CollectionResult result = collect();

        assertEquals(CollectionStatus.PARTIAL, result.status());
        assertEquals(HealthStatus.VALID, result.health());
        assertEquals(FailureCause.SERVER_ERROR, result.cause());
        assertTrue(result.errorMessageRedacted().contains("/v1/usage"));
        assertTrue(result.errorMessageRedacted().contains("HTTP 502"));
    }

    @Test
    void rateLimitedUsageEndpointMakesTheKeyDegraded() {
        provider.route("/v1/models", Reply.json(200, MODELS)).route("/v1/usage", Reply.json(429, "{}"));

        CollectionResult result = collect();

        assertEquals(CollectionStatus.PARTIAL, result.status());
        assertEquals(HealthStatus.DEGRADED, result.health());
        assertEquals(FailureCause.RATE_LIMITED, result.cause());
    }

    @Test
    void malformedUsageMakesTheCollectionPartial() {
        provider.route("/v1/models", Reply.json(200, MODELS)).route("/v1/usage", Reply.json(200, "{\"requests\": oops"));

        CollectionResult result = collect();

        assertEquals(CollectionStatus.PARTIAL, result.status());
        assertEquals(FailureCause.MALFORMED_RESPONSE, result.cause());
        assertNull(result.usageStatsJson());
    }

    @Test
    void usageFieldsOfTheWrongShapeAreDroppedNotCopied() throws Exception {
        provider.route("/v1/models", Reply.json(200, MODELS)).route("/v1/usage", Reply.json(200,
                "{\"requests\":10,\"limit\":100,\"currency\":\"US Dollars of account 77\",\"period\":\"all of it\",\"owner\":\"x\"}"));

        JsonNode usage = JSON.readTree(collect().usageStatsJson());

        assertEquals(10, usage.get("requests").asLong());
        assertNull(usage.get("currency"));
        assertNull(usage.get("period"));
        assertNull(usage.get("owner"));
    }

    @Test
    void rateLimitHeadersBecomeRestrictions() throws Exception {
        provider.route("/v1/models", Reply.json(200, MODELS)
                .withHeaders(Map.of("x-ratelimit-limit-requests", "500", "x-ratelimit-limit-tokens", "30000")));

        JsonNode restrictions = JSON.readTree(collect().restrictionsJson());

        assertEquals(500, restrictions.get("rate_limit_requests").asLong());
        assertEquals(30000, restrictions.get("rate_limit_tokens").asLong());
    }

    @Test
    void baseUrlWithPathPrefixAndTrailingSlashIsJoinedWithOneSlash() {
        provider.route("/proxy/v1/models", Reply.json(200, MODELS));

        CollectionResult result = collect(URI.create(provider.baseUrl() + "/proxy/"));

        assertEquals(HealthStatus.VALID, result.health());
        assertEquals(1, provider.hits("/proxy/v1/models"));
    }
}
