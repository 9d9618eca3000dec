package dev.keyward.automation.dashboard.service;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.FakeProvider;
import dev.keyward.automation.dashboard.FakeProvider.Reply;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every API family, chosen by the provider row's api_family and called at its api_base_url (loopback
 * fakes), with the health mapping of seed 002 for its answers, and a canary key that appears nowhere.
 */
class ApiFamiliesThroughTheVaultTest {

    private static final String CANARY = "sk-proj-CANARYdashboard0123456789abcdefXYZ";
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"m1\"},{\"id\":\"m2\"}]}";

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at("2026-03-10T12:00:00Z");
    private TestVault vault;
    private FakeProvider fake;
    private FakeProvider statusPage;

    @BeforeEach
    void setUp() throws Exception {
        vault = TestVault.create(dir, clock);
        fake = new FakeProvider();
        statusPage = new FakeProvider();
    }

    @AfterEach
    void tearDown() {
        fake.close();
        statusPage.close();
        vault.close();
    }

    /** Each provider gets its own path prefix on the one fake, so one server answers them all differently. */
    private void provider(String slug, String prefix, String family) {
        String base = fake.baseUrl() + prefix;
        // The catalog's OpenAI-compatible, Anthropic and Stripe bases end in /v1; Keyward drops it before adding paths.
        vault.setApiBaseUrl(slug, family.equals("github") ? base : base + "/v1");
    }

    @Test
    void everyFamilyIsCollectedAndEveryAnswerMapsToItsHealth() throws Exception {
        Function<FakeProvider.Seen, Reply> echoesTheKey = seen -> Reply.json(401,
                "{\"error\":\"bad key " + seen.header("Authorization") + "\"}").withHeaders(Map.of("X-Echo", CANARY));
        fake.route("/openai/v1/models", Reply.json(200, MODELS))
                .route("/openai/v1/usage", Reply.json(200, "{\"requests\":85,\"limit\":100,\"cost\":1.5,\"currency\":\"usd\"}"))
                .route("/anthropic/v1/models", Reply.json(200, MODELS))
                .route("/github/rate_limit", Reply.json(200,
                        "{\"resources\":{\"core\":{\"limit\":5000,\"used\":50,\"remaining\":4950,\"reset\":1700000000}}}"))
                .route("/stripe/v1/balance", Reply.json(200,
                        "{\"object\":\"balance\",\"available\":[{\"amount\":1200,\"currency\":\"usd\"}],\"pending\":[],\"livemode\":false}"))
                .route("/deepseek/v1/models", echoesTheKey)
                .route("/groq/v1/models", Reply.json(403, "{\"error\":\"" + CANARY + "\"}"))
                .route("/mistral/v1/models", Reply.json(429, "{}"))
                .route("/xai/v1/models", Reply.json(500, CANARY))
                .route("/openrouter/v1/models", Reply.json(200, MODELS).after(Duration.ofSeconds(5)))
                .route("/perplexity/v1/models", Reply.json(200, "not json " + CANARY));
        provider("openai", "/openai", "openai_compatible");
        provider("anthropic", "/anthropic", "anthropic");
        provider("github", "/github", "github");
        provider("stripe", "/stripe", "stripe");
        for (String slug : List.of("deepseek", "groq", "mistral", "xai", "openrouter", "perplexity")) {
            provider(slug, "/" + slug, "openai_compatible");
        }
        // xai's status page reports a major incident; the others' status pages are not reachable here.
        statusPage.route("/api/v2/summary.json", Reply.json(200, """
                {"page":{"id":"p","name":"xAI","url":"%s","updated_at":"2026-03-10T11:00:00Z"},
                 "status":{"indicator":"major","description":"Partial System Outage"},
                 "components":[{"id":"c","name":"API","status":"major_outage"}],
                 "incidents":[{"id":"i1","name":"API down","status":"investigating","impact":"major",
                   "created_at":"2026-03-10T10:00:00Z","shortlink":"%s/incidents/i1","incident_updates":[]}],
                 "scheduled_maintenances":[]}""".formatted(statusPage.baseUrl(), statusPage.baseUrl())));
        // Tests reach nothing but loopback: the catalog's real status pages are cleared.
        for (String slug : List.of("openai", "anthropic", "github", "stripe", "deepseek", "groq", "mistral", "openrouter",
                "perplexity", "cloudflare")) {
            vault.setStatusPageUrl(slug, "");
        }
        vault.setStatusPageUrl("xai", statusPage.baseUrl().toString());
        Map<String, String> slugs = Map.ofEntries(Map.entry("k-openai", "openai"), Map.entry("k-anthropic", "anthropic"),
                Map.entry("k-github", "github"), Map.entry("k-stripe", "stripe"), Map.entry("k-deepseek", "deepseek"),
                Map.entry("k-groq", "groq"), Map.entry("k-mistral", "mistral"), Map.entry("k-xai", "xai"),
                Map.entry("k-openrouter", "openrouter"), Map.entry("k-perplexity", "perplexity"),
                Map.entry("k-cloudflare", "cloudflare"));
        slugs.forEach((name, slug) -> vault.addSecret(name, name.equals("k-deepseek") ? CANARY : "key-of-" + name + "-0001", slug));

        RefreshReport report = new DashboardService(vault.session(), DashboardServiceTest.testConfig(clock))
                .refreshAll(false, RefreshListener.ignoring());
        Map<String, Integer> attempts = new java.util.HashMap<>();
        for (int i = 0; i < report.results().size(); i++) {
            attempts.put(report.secretNames().get(i), report.results().get(i).attempts());
        }

        Map<String, DashboardCard> cards = new DashboardService(vault.session(), DashboardServiceTest.testConfig(clock))
                .overview().stream().collect(Collectors.toMap(DashboardCard::secretName, Function.identity()));
        assertAll(
                () -> assertEquals("valid/success/api", summary(cards.get("k-openai"))),
                () -> assertEquals(85.0, cards.get("k-openai").usagePercent(), 1e-9),
                () -> assertTrue(cards.get("k-openai").warnings().get(0).startsWith("Usage is at 85%")),
                () -> assertEquals("valid/success/api", summary(cards.get("k-anthropic"))),
                () -> assertEquals("valid/success/api", summary(cards.get("k-github"))),
                () -> assertEquals("valid/success/api", summary(cards.get("k-stripe"))),
                () -> assertEquals("invalid/failed/api", summary(cards.get("k-deepseek")), "401"),
                () -> assertEquals("invalid/failed/api", summary(cards.get("k-groq")), "403"),
                () -> assertEquals("degraded/failed/api", summary(cards.get("k-mistral")), "429"),
                () -> assertEquals("outage/failed/api", summary(cards.get("k-xai")), "5xx during an incident"),
                () -> assertEquals("outage", cards.get("k-xai").service()),
                () -> assertEquals("unknown/failed/api", summary(cards.get("k-openrouter")), "timeout"),
                () -> assertTrue(cards.get("k-openrouter").error().contains("did not answer"), cards.get("k-openrouter").error()),
                () -> assertEquals("valid/partial/api", summary(cards.get("k-perplexity")), "2xx with a body Keyward cannot read"),
                () -> assertTrue(cards.get("k-perplexity").warnings().stream().anyMatch(w -> w.contains("no longer has the shape"))),
                () -> assertEquals("unknown/failed/cached", summary(cards.get("k-cloudflare")), "generic: no collector"));
        assertEquals(3, attempts.get("k-mistral"), "429 is retried up to automation_max_retries attempts");
        assertEquals(3, attempts.get("k-xai"), "5xx is retried");
        assertEquals(1, attempts.get("k-deepseek"), "401 is not retried");
        assertEquals(0, attempts.get("k-cloudflare"), "nothing to call");
        assertEquals(1, statusPage.hits("/api/v2/summary.json"), "one status page fetch per provider and run");

        assertFalse(vault.allText().contains(CANARY), "the canary key is in a database column");
        assertFalse(vault.allText().contains("CANARYdashboard"), "part of the canary key is in a database column");
        assertEquals(List.of(), vault.filesContaining(CANARY), "the canary key is in a file");
    }

    private static String summary(DashboardCard card) {
        return card.health() + "/" + card.status() + "/" + card.method();
    }
}
