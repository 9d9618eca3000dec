package dev.keyward.automation.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PracticeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = KeyLedger.DEFAULT_SEEDED_VALUE;

    private final HttpClient http = HttpClient.newHttpClient();
    private PracticeCloud cloud;

    @BeforeEach
    void start() throws Exception {
        cloud = PracticeCloud.start(0, new PracticeState(Clock.fixed(Instant.parse("2025-02-17T10:00:00Z"), ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void modelsAnswerAnOpenAiStyleListForAnActiveKey() throws Exception {
        HttpResponse<String> response = call("/v1/models", GOOD);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals("list", body.get("object").asText());
        List<String> ids = new ArrayList<>();
        body.get("data").forEach(model -> {
            assertEquals("model", model.get("object").asText());
            ids.add(model.get("id").asText());
        });
        assertEquals(cloud.state().models(), ids);
    }

    @Test
    void wrongOrMissingKeyGetsA401JsonErrorThatDoesNotEchoTheKey() throws Exception {
        String wrong = "pc_live_thisKeyDoesNotExist000000000000";
        HttpResponse<String> response = call("/v1/models", wrong);
        assertEquals(401, response.statusCode());
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertEquals("invalid_api_key", error.get("code").asText());
        assertFalse(response.body().contains(wrong));
        assertEquals(401, call("/v1/usage", null).statusCode());
        assertEquals(List.of(401, 401), cloud.state().apiCalls().stream().map(PracticeState.ApiCall::status).toList());
    }

    @Test
    void seededKeyCanBeChosenByTheTest() throws Exception {
        String mine = "pc_test_fromTheVault_12345678";
        cloud.state().keys().seed("vault key", mine);
        assertEquals(200, call("/v1/usage", mine).statusCode());
        assertEquals("key_2", cloud.state().apiCalls().getFirst().keyId());
    }

    @Test
    void usageReportsTheDashboardFiguresForTheCurrentMonth() throws Exception {
        cloud.state().setUsage(new UsageFigures(500, 2_000, new BigDecimal("7.25"), "USD", "Builder", "eu-west-1", 600));
        JsonNode usage = JSON.readTree(call("/v1/usage", GOOD).body());
        assertEquals(500, usage.get("requests").asLong());
        assertEquals(2_000, usage.get("limit").asLong());
        assertEquals(new BigDecimal("25.0"), usage.get("usage_percent").decimalValue());
        assertEquals(new BigDecimal("7.25"), usage.get("cost").decimalValue());
        assertEquals("USD", usage.get("currency").asText());
        assertEquals("2025-02-01", usage.at("/period/start").asText());
        assertEquals("2025-03-01", usage.at("/period/end").asText());
    }

    @Test
    void keyListNamesKeysWithoutTheirValues() throws Exception {
        cloud.state().keys().create("second");
        HttpResponse<String> response = call("/v1/keys", GOOD);
        JsonNode data = JSON.readTree(response.body()).get("data");
        assertEquals(2, data.size());
        assertEquals(GOOD.substring(GOOD.length() - 4), data.get(0).get("last4").asText());
        assertNull(data.get(0).get("value"));
        for (KeyLedger.ApiKey key : cloud.state().keys().all()) {
            assertFalse(response.body().contains(key.value()));
        }
    }

    @Test
    void forcedRateLimitAnswersTheNextCallsWith429ThenRecovers() throws Exception {
        cloud.state().apiFaults().forceNext(2, ApiFault.rateLimited());
        HttpResponse<String> first = call("/v1/usage", GOOD);
        assertEquals(429, first.statusCode());
        assertEquals("1", first.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("rate_limit_exceeded", JSON.readTree(first.body()).at("/error/code").asText());
        assertEquals(429, call("/v1/usage", GOOD).statusCode());
        assertEquals(200, call("/v1/usage", GOOD).statusCode());
        assertEquals(0, cloud.state().apiFaults().pending());
    }

    @Test
    void forcedServerErrorAnswers500() throws Exception {
        cloud.state().apiFaults().forceNext(1, ApiFault.serverError());
        HttpResponse<String> response = call("/v1/models", GOOD);
        assertEquals(500, response.statusCode());
        assertEquals("server_error", JSON.readTree(response.body()).at("/error/type").asText());
        assertEquals(200, call("/v1/models", GOOD).statusCode());
    }

    @Test
    void forcedDelayOutlastsAClientTimeoutAndOnlyAffectsOneCall() throws Exception {
        cloud.state().apiFaults().forceNext(1, ApiFault.slow(Duration.ofMinutes(5)));
        HttpRequest slow = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/v1/usage"))
                .header("Authorization", "Bearer " + GOOD).timeout(Duration.ofMillis(300)).build();
        assertThrows(HttpTimeoutException.class, () -> http.send(slow, HttpResponse.BodyHandlers.ofString()));
        assertEquals(200, call("/v1/usage", GOOD).statusCode());
    }

    @Test
    void unknownApiPathIsAJson404() throws Exception {
        HttpResponse<String> response = call("/v1/nothing-here", GOOD);
        assertEquals(404, response.statusCode());
        assertEquals("unknown_url", JSON.readTree(response.body()).at("/error/code").asText());
    }

    private HttpResponse<String> call(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
