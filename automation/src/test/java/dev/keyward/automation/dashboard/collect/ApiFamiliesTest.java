package dev.keyward.automation.dashboard.collect;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.FakeProvider;
import dev.keyward.automation.dashboard.FakeProvider.Reply;
import dev.keyward.automation.dashboard.HealthStatus;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The status mapping of seed 002 holds for every API family: 2xx, 401, 403, 429, 5xx, slowness, bad JSON. */
class ApiFamiliesTest {

    private static final String BODY_MARKER = "provider-body-text-7781";

    /** One API family: how to build its collector, the endpoint that proves validity, and a good answer. */
    record Family(String name, Function<ProviderHttp, ApiCollector> collector, String probePath, String goodBody,
                  boolean parsesBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Family> families() {
        return Stream.of(
                new Family("openai-compatible", OpenAiCompatibleCollector::new, "/v1/models",
                        "{\"object\":\"list\",\"data\":[{\"id\":\"model-a\"}]}", true),
                new Family("anthropic", AnthropicCollector::new, "/v1/models",
                        "{\"data\":[{\"id\":\"claude-x\"}],\"has_more\":false}", true),
                new Family("github", GitHubCollector::new, "/rate_limit",
                        "{\"resources\":{\"core\":{\"limit\":5000,\"used\":50,\"remaining\":4950,\"reset\":1700000000}}}", true),
                new Family("stripe", StripeCollector::new, "/v1/balance",
                        "{\"object\":\"balance\",\"available\":[{\"amount\":1200,\"currency\":\"usd\"}],"
                                + "\"pending\":[{\"amount\":0,\"currency\":\"usd\"}],\"livemode\":false}", true),
                new Family("generic", http -> GenericValidityCollector.bearer(http, "/v1/me"), "/v1/me", "{}", false));
    }

    private FakeProvider provider;

    @BeforeEach
    void startProvider() throws IOException {
        provider = new FakeProvider();
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private CollectionResult collect(Family family, Duration timeout) {
        ApiCollector collector = family.collector().apply(ProviderHttp.withDefaultClient());
        try (CollectorRequest request = new CollectorRequest(family.name(), provider.baseUrl(), "key-1".toCharArray(), timeout)) {
            return collector.collect(request);
        }
    }

    private CollectionResult collect(Family family) {
        return collect(family, Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @MethodSource("families")
    void goodAnswerMeansValidKeyAndSuccessfulCollection(Family family) {
        provider.route(family.probePath(), Reply.json(200, family.goodBody()));

        CollectionResult result = collect(family);

        assertAll(
                () -> assertEquals(CollectionMethod.API, result.method()),
                () -> assertEquals(CollectionStatus.SUCCESS, result.status()),
                () -> assertEquals(HealthStatus.VALID, result.health()),
                () -> assertEquals(FailureCause.NONE, result.cause()),
                () -> assertEquals(null, result.errorMessageRedacted()));
    }

    @ParameterizedTest
    @MethodSource("families")
    void unauthorizedMeansInvalidKey(Family family) {
        provider.route(family.probePath(), Reply.json(401, "{\"error\":\"" + BODY_MARKER + "\"}"));

        CollectionResult result = collect(family);

        assertFailed(result, HealthStatus.INVALID, FailureCause.KEY_REJECTED, "HTTP 401");
    }

    @ParameterizedTest
    @MethodSource("families")
    void forbiddenMeansInvalidKey(Family family) {
        provider.route(family.probePath(), Reply.json(403, "{\"error\":\"" + BODY_MARKER + "\"}"));

        CollectionResult result = collect(family);

        assertFailed(result, HealthStatus.INVALID, FailureCause.KEY_REJECTED, "HTTP 403");
    }

    @ParameterizedTest
    @MethodSource("families")
    void tooManyRequestsMeansDegradedAndRetryable(Family family) {
        provider.route(family.probePath(), Reply.json(429, "{\"error\":\"" + BODY_MARKER + "\"}"));

        CollectionResult result = collect(family);

        assertFailed(result, HealthStatus.DEGRADED, FailureCause.RATE_LIMITED, "HTTP 429");
        assertTrue(result.cause().retryable());
    }

    @ParameterizedTest
    @MethodSource("families")
    void serverErrorMeansUnknownHealthAndRetryable(Family family) {
        provider.route(family.probePath(), Reply.json(500, "<html>" + BODY_MARKER + "</html>"));

        CollectionResult result = collect(family);

        assertFailed(result, HealthStatus.UNKNOWN, FailureCause.SERVER_ERROR, "HTTP 500");
        assertTrue(result.cause().retryable());
    }

    @ParameterizedTest
    @MethodSource("families")
    void slowProviderTimesOutWithUnknownHealth(Family family) {
        provider.route(family.probePath(), Reply.json(200, family.goodBody()).after(Duration.ofSeconds(20)));

        CollectionResult result = collect(family, Duration.ofMillis(300));

        assertFailed(result, HealthStatus.UNKNOWN, FailureCause.TIMEOUT, "did not answer");
        assertTrue(result.cause().retryable());
    }

    @ParameterizedTest
    @MethodSource("families")
    void malformedJsonStillProvesValidityButMakesTheCollectionPartial(Family family) {
        provider.route(family.probePath(), Reply.json(200, "{\"data\": [" + BODY_MARKER));

        CollectionResult result = collect(family);

        assertEquals(HealthStatus.VALID, result.health());
        if (family.parsesBody()) {
            assertEquals(CollectionStatus.PARTIAL, result.status());
            assertEquals(FailureCause.MALFORMED_RESPONSE, result.cause());
            assertTrue(result.errorMessageRedacted().contains("not the JSON Keyward expects"));
            assertFalse(result.errorMessageRedacted().contains(BODY_MARKER));
        } else {
            assertEquals(CollectionStatus.SUCCESS, result.status());
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void closedPortMeansUnreachable(Family family) throws IOException {
        FakeProvider gone = new FakeProvider();
        gone.close();
        ApiCollector collector = family.collector().apply(ProviderHttp.withDefaultClient());
        CollectionResult result;
        try (CollectorRequest request = new CollectorRequest(family.name(), gone.baseUrl(), "key-1".toCharArray(),
                Duration.ofSeconds(5))) {
            result = collector.collect(request);
        }

        assertFailed(result, HealthStatus.UNKNOWN, FailureCause.UNREACHABLE, "could not be reached");
    }

    @ParameterizedTest
    @MethodSource("families")
    void baseUrlWithCredentialsIsRefusedWithoutARequest(Family family) {
        ApiCollector collector = family.collector().apply(ProviderHttp.withDefaultClient());
        URI withCredentials = URI.create("http://user:pw@127.0.0.1:" + provider.baseUrl().getPort());
        CollectionResult result;
        try (CollectorRequest request = new CollectorRequest(family.name(), withCredentials, "key-1".toCharArray(),
                Duration.ofSeconds(5))) {
            result = collector.collect(request);
        }

        assertEquals(FailureCause.BAD_CONFIGURATION, result.cause());
        assertFalse(result.errorMessageRedacted().contains("pw"));
        assertTrue(provider.seen().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("families")
    void keyWithALineBreakIsReportedInsteadOfSent(Family family) {
        ApiCollector collector = family.collector().apply(ProviderHttp.withDefaultClient());
        CollectionResult result;
        try (CollectorRequest request = new CollectorRequest(family.name(), provider.baseUrl(),
                "pasted-key-77\n".toCharArray(), Duration.ofSeconds(5))) {
            result = collector.collect(request);
        }

        assertEquals(FailureCause.KEY_NOT_SENDABLE, result.cause());
        assertFalse(result.errorMessageRedacted().contains("pasted-key-77"));
        assertTrue(provider.seen().isEmpty());
    }

    private static void assertFailed(CollectionResult result, HealthStatus health, FailureCause cause, String phrase) {
        assertAll(
                () -> assertEquals(CollectionStatus.FAILED, result.status()),
                () -> assertEquals(health, result.health()),
                () -> assertEquals(cause, result.cause()),
                () -> assertTrue(result.errorMessageRedacted().contains(phrase), result.errorMessageRedacted()),
                () -> assertFalse(result.errorMessageRedacted().contains(BODY_MARKER)),
                () -> assertEquals(null, result.usageStatsJson()));
    }
}
