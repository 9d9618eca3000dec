package dev.keyward.automation.dashboard.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.FakeProvider;
import dev.keyward.automation.dashboard.FakeProvider.Reply;
import dev.keyward.automation.dashboard.KeyTarget;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.TestClock;
import dev.keyward.automation.dashboard.TextRedactor;
import dev.keyward.automation.dashboard.WarningRules;
import dev.keyward.automation.dashboard.collect.CollectorCatalog;
import dev.keyward.automation.dashboard.collect.GenericValidityCollector;
import dev.keyward.automation.dashboard.collect.ProviderHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider that echoes the key in every body and header it can must not get that key into any
 * result field or log line, whatever it answers (seed 002 section 5.2; seed 004's security regression tests).
 */
class CanaryKeyTest {

    private static final String CANARY = "sk-canary-5f1d2e3c4b6a79880d";
    private static final List<String> SLUGS = List.of("openai", "anthropic", "github", "stripe", "generic");
    private static final List<String> PATHS = List.of("/v1/models", "/v1/usage", "/rate_limit", "/v1/balance", "/check");

    private FakeProvider provider;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void startProviderAndCaptureOutput() throws Exception {
        provider = new FakeProvider();
        originalErr = System.err;
        originalOut = System.out;
        // slf4j-simple looks up System.err on every line, so swapping it captures the refresher's log.
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
    }

    @AfterEach
    void restoreOutputAndStopProvider() {
        System.setErr(originalErr);
        System.setOut(originalOut);
        provider.close();
    }

    /** Every route answers via {@code reply}, which gets the key the request carried. */
    private void answerEverywhere(Function<String, Reply> reply) {
        for (String path : PATHS) {
            provider.route(path, seen -> {
                String auth = seen.header("Authorization") != null ? seen.header("Authorization") : seen.header("x-api-key");
                return reply.apply(auth);
            });
        }
    }

    private static Reply echoing(int status, String body, String key) {
        return Reply.json(status, body).withHeaders(Map.of(
                "X-OAuth-Scopes", key,
                "x-ratelimit-limit-requests", key,
                "WWW-Authenticate", "Bearer error=\"invalid\", key=\"" + key + "\""));
    }

    private List<CollectionResult> refreshAllFamilies(Duration timeout) throws InterruptedException {
        ProviderHttp http = ProviderHttp.withDefaultClient();
        CollectorCatalog catalog = CollectorCatalog.standard(http)
                .with("generic", GenericValidityCollector.bearer(http, "/check"), null);
        RefreshSeams seams = RefreshSeams.apiOnly(id -> CANARY.toCharArray(), TextRedactor.none())
                .withStatusPages(slug -> ServiceStatus.OUTAGE);
        RefreshSettings settings = RefreshSettings.defaults().withMaxAttempts(2).withRequestTimeout(timeout);
        DashboardRefresher refresher = new DashboardRefresher(catalog, seams, settings, WarningRules.defaults(),
                new RefreshTiming(new TestClock("2026-11-10T12:00:00Z"), duration -> { }, () -> 0.5));
        List<KeyTarget> targets = SLUGS.stream()
                .map(slug -> new KeyTarget("secret-" + slug, "prov-" + slug, slug, provider.baseUrl(), null, null))
                .toList();
        List<CollectionResult> results = new ArrayList<>();
        for (KeyRefreshResult result : refresher.refresh(targets)) {
            assertFalse(result.toString().contains(CANARY));
            results.add(result.result());
        }
        return results;
    }

    @Test
    void canaryKeyNeverReachesAResultOrTheLog() throws Exception {
        List<CollectionResult> results = new ArrayList<>();
        for (int status : new int[] {401, 403, 429, 500, 503, 404}) {
            answerEverywhere(key -> echoing(status, "{\"error\":{\"message\":\"Incorrect API key provided: " + key + "\"}}", key));
            results.addAll(refreshAllFamilies(Duration.ofSeconds(10)));
        }
        answerEverywhere(key -> echoing(200, "{\"data\": [\"" + key + "\" oops", key));
        results.addAll(refreshAllFamilies(Duration.ofSeconds(10)));
        answerEverywhere(key -> echoing(200, "{\"data\":[{\"id\":\"" + key + "\"}],\"requests\":5,\"limit\":10,"
                + "\"currency\":\"" + key + "\",\"period\":\"" + key + "\",\"key\":\"" + key + "\","
                + "\"resources\":{\"core\":{\"limit\":10,\"used\":5,\"owner\":\"" + key + "\"}},"
                + "\"available\":[{\"amount\":1,\"currency\":\"usd\",\"note\":\"" + key + "\"}],\"pending\":[]}", key));
        results.addAll(refreshAllFamilies(Duration.ofSeconds(10)));
        answerEverywhere(key -> echoing(200, "{}", key).after(Duration.ofSeconds(30)));
        results.addAll(refreshAllFamilies(Duration.ofMillis(250)));

        assertEquals(9 * SLUGS.size(), results.size());
        for (CollectionResult result : results) {
            assertNoCanary(result);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Dashboard snapshot of secret secret-openai"), "the log was not captured");
        assertFalse(log.contains(CANARY), "the key appeared in the log");
        assertTrue(provider.seen().stream().anyMatch(seen -> CANARY.equals(seen.header("x-api-key"))),
                "the fake did receive the key, so the test is meaningful");
    }

    private static void assertNoCanary(CollectionResult result) {
        List<String> fields = new ArrayList<>();
        fields.add(result.usageStatsJson());
        fields.add(result.configAttributesJson());
        fields.add(result.restrictionsJson());
        fields.add(result.warningsJson());
        fields.add(result.errorMessageRedacted());
        fields.add(result.toString());
        for (String field : fields) {
            assertFalse(field != null && field.contains(CANARY), "the key appeared in " + field);
            assertFalse(field != null && field.contains("5f1d2e3c4b6a"), "part of the key appeared in " + field);
        }
    }
}
