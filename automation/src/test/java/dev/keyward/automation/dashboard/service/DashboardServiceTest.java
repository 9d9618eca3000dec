package dev.keyward.automation.dashboard.service;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.dashboard.refresh.RefreshTiming;
import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.practice.PracticeState;
import dev.keyward.automation.practice.UsageFigures;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import dev.keyward.vault.NotFoundException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard service end to end with a real vault and Practice Cloud on loopback: rows, warnings, status pages. */
class DashboardServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at("2026-03-10T12:00:00Z");
    private TestVault vault;
    private PracticeCloud cloud;
    private DashboardService dashboard;

    @BeforeEach
    void setUp() throws IOException {
        vault = TestVault.create(dir, clock);
        cloud = PracticeCloud.start(0, new PracticeState(clock));
        dashboard = new DashboardService(vault.session(), testConfig(clock));
    }

    @AfterEach
    void tearDown() {
        cloud.close();
        vault.close();
    }

    /** No real waiting: backoff and rate-limit pauses return at once; requests time out after 800 ms. */
    static DashboardConfig testConfig(SettableClock clock) {
        return DashboardConfig.defaults()
                .withTiming(new RefreshTiming(clock, duration -> { }, () -> 0.0))
                .withRefresh(RefreshSettings.defaults().withRequestTimeout(Duration.ofMillis(800)));
    }

    @Test
    void practiceCloudKeysMatchTheCatalogKeyPattern() {
        Pattern catalog = Pattern.compile("^pc_(live|test)_[A-Za-z0-9]{24,}$");
        assertTrue(catalog.matcher(KeyLedger.DEFAULT_SEEDED_VALUE).matches(), "the pre-seeded key");
        for (int i = 0; i < 20; i++) {
            KeyLedger.ApiKey created = cloud.state().keys().create("k" + i);
            assertTrue(catalog.matcher(created.value()).matches(), "a key made by Create key: " + created);
        }
        assertEquals("practice-cloud", vault.session().providers().detect(KeyLedger.DEFAULT_SEEDED_VALUE.toCharArray())
                .orElseThrow(), "the vault detects Practice Cloud keys by that pattern");
    }

    @Test
    void apiSnapshotOfPracticeCloudIsStoredWithEveryColumn() throws Exception {
        vault.setApiBaseUrl("practice-cloud", cloud.baseUrl());
        String secretId = vault.addSecret("pc-main", KeyLedger.DEFAULT_SEEDED_VALUE, null);

        RefreshReport report = dashboard.refreshAll(false, RefreshListener.ignoring());

        assertEquals(List.of("pc-main"), report.secretNames());
        Map<String, Object> row = vault.rows("SELECT * FROM dashboard_snapshots WHERE secret_id = ?", secretId).get(0);
        JsonNode usage = JSON.readTree((String) row.get("usage_stats_json"));
        JsonNode config = JSON.readTree((String) row.get("config_attributes_json"));
        assertAll(
                () -> assertEquals(vault.session().profileId(), row.get("profile_id")),
                () -> assertEquals(vault.session().providers().get("practice-cloud").id(), row.get("provider_id")),
                () -> assertEquals("2026-03-10T12:00:00.000000Z", row.get("collected_at")),
                () -> assertEquals("api", row.get("collection_method")),
                () -> assertEquals("success", row.get("collection_status")),
                () -> assertEquals("valid", row.get("health_status")),
                () -> assertEquals("operational", row.get("service_status"), "Practice Cloud's status page, found beside its API"),
                () -> assertEquals(48210, usage.get("requests").asLong()),
                () -> assertEquals(100000, usage.get("limit").asLong()),
                () -> assertEquals(48.2, usage.get("usage_percent").asDouble(), 1e-9),
                () -> assertEquals(42.17, usage.get("cost").asDouble(), 1e-9),
                () -> assertEquals("USD", usage.get("currency").asText()),
                () -> assertEquals(3, config.get("models_available").asInt()),
                () -> assertNull(row.get("warnings_json")),
                () -> assertNull(row.get("error_message_redacted")));
        assertEquals(1, vault.count("SELECT count(*) FROM audit_log WHERE category = 'dashboard' AND action = 'refresh'"));
    }

    @Test
    void overviewShowsOneCardPerKeyWithItsLatestSnapshot() throws Exception {
        vault.setApiBaseUrl("practice-cloud", cloud.baseUrl());
        vault.addSecret("pc-main", KeyLedger.DEFAULT_SEEDED_VALUE, null);
        vault.addSecret("pc-old", "pc_test_" + "x".repeat(30), "practice-cloud");
        vault.addSecret("practice-cloud-password", "practice-password", "practice-cloud");
        vault.addSecret("no-provider", "just-a-value-123", null);
        dashboard.refreshAll(false, RefreshListener.ignoring());
        cloud.state().setUsage(new UsageFigures(90_000, 100_000, new BigDecimal("99.50"), "EUR", "Pro", "us-east-1", 600));
        clock.advance(Duration.ofHours(1));
        dashboard.refreshAll(false, RefreshListener.ignoring());

        List<DashboardCard> cards = dashboard.overview();

        assertEquals(List.of("pc-main", "pc-old"), cards.stream().map(DashboardCard::secretName).toList(),
                "sign-in secrets and keys without a provider get no card");
        DashboardCard main = cards.get(0);
        assertAll(
                () -> assertEquals("2026-03-10T13:00:00.000000Z", main.collectedAt()),
                () -> assertEquals("valid", main.health()),
                () -> assertEquals("operational", main.service()),
                () -> assertEquals(90.0, main.usagePercent(), 1e-9),
                () -> assertEquals(90_000L, main.requests()),
                () -> assertEquals(99.5, main.cost(), 1e-9),
                () -> assertEquals("EUR", main.currency()),
                () -> assertTrue(main.warnings().stream().anyMatch(w -> w.startsWith("Usage is at 90%")), main.warnings().toString()));
        DashboardCard old = cards.get(1);
        assertEquals("invalid", old.health(), "Practice Cloud answers 401 for a key it does not know");
        assertTrue(old.error().contains("HTTP 401"), old.error());
    }

    @Test
    void warningsCoverOldKeysExpiringKeysAndProviderIncidents() throws Exception {
        vault.setApiBaseUrl("practice-cloud", cloud.baseUrl());
        String id = vault.addSecret("pc-main", KeyLedger.DEFAULT_SEEDED_VALUE, null);
        vault.session().settings().set("key_age_warning_days", "30");
        vault.execute("UPDATE secrets SET expires_at = ? WHERE id = ?", "2026-04-20T00:00:00.000000Z", id);
        clock.advance(Duration.ofDays(40));
        cloud.state().statusBoard().openIncident("API errors", "major", "We are investigating.", "API");

        dashboard.refreshAll(false, RefreshListener.ignoring());

        Map<String, Object> row = vault.rows("SELECT * FROM dashboard_snapshots WHERE secret_id = ?", id).get(0);
        List<String> warnings = List.of(JSON.readValue((String) row.get("warnings_json"), String[].class));
        assertEquals("outage", row.get("service_status"));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("This key is 40 days old")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("This key expires on 2026-04-20")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("The provider reports an outage")), warnings.toString());
    }

    @Test
    void aProviderWithoutCollectorShowsItsLastGoodSnapshotAsCached() throws Exception {
        String id = vault.addSecret("cf", "cloudflare-token-value-0001", "cloudflare");
        vault.setStatusPageUrl("cloudflare", ""); // tests reach nothing but loopback
        RefreshReport first = dashboard.refreshAll(false, RefreshListener.ignoring());
        assertEquals("failed", first.results().get(0).result().status().dbValue(), "no collector and nothing cached yet");
        assertEquals("cached", vault.rows("SELECT collection_method FROM dashboard_snapshots").get(0).get("collection_method"));

        vault.execute("""
                INSERT INTO dashboard_snapshots (id, profile_id, secret_id, provider_id, collected_at, collection_method,
                    collection_status, usage_stats_json, health_status, service_status)
                VALUES ('old-good', ?, ?, (SELECT provider_id FROM secrets WHERE id = ?), '2026-03-01T00:00:00.000000Z',
                        'scrape', 'success', '{"usage_percent":12.5}', 'valid', 'operational')""",
                vault.session().profileId(), id, id);
        clock.advance(Duration.ofMinutes(5));
        dashboard.refreshAll(false, RefreshListener.ignoring());

        DashboardCard card = dashboard.overview().get(0);
        assertEquals("cached", card.method());
        assertEquals("partial", card.status());
        assertEquals(12.5, card.usagePercent(), 1e-9);
        assertTrue(card.warnings().get(0).contains("2026-03-01T00:00:00Z"), card.warnings().toString());
    }

    @Test
    void refreshingOneSecretTouchesOnlyThatKey() throws Exception {
        vault.setApiBaseUrl("practice-cloud", cloud.baseUrl());
        vault.addSecret("pc-a", KeyLedger.DEFAULT_SEEDED_VALUE, null);
        vault.addSecret("pc-b", "pc_test_" + "y".repeat(30), "practice-cloud");
        vault.addSecret("plain", "no-provider-value-1", null);

        RefreshReport report = dashboard.refreshSecret("pc-b", RefreshListener.ignoring());

        assertEquals(List.of("pc-b"), report.secretNames());
        assertEquals(1, vault.count("SELECT count(*) FROM dashboard_snapshots"));
        NotFoundException noProvider = assertThrows(NotFoundException.class,
                () -> dashboard.refreshSecret("plain", RefreshListener.ignoring()));
        assertTrue(noProvider.getMessage().contains("has no provider"), noProvider.getMessage());
        assertThrows(NotFoundException.class, () -> dashboard.refreshSecret("missing", RefreshListener.ignoring()));
    }

    @Test
    void forcedServerErrorsAreRetriedThenRecordedAndTheStatusPageTurnsThemIntoAnOutage() throws Exception {
        vault.setApiBaseUrl("practice-cloud", cloud.baseUrl());
        String id = vault.addSecret("pc-main", KeyLedger.DEFAULT_SEEDED_VALUE, null);
        cloud.state().apiFaults().forceNext(10, dev.keyward.automation.practice.ApiFault.serverError());
        cloud.state().statusBoard().setComponentStatus("API", "major_outage");

        RefreshReport report = dashboard.refreshAll(false, RefreshListener.ignoring());

        assertEquals(3, report.results().get(0).attempts(), "automation_max_retries (3) attempts for a 5xx");
        Map<String, Object> row = vault.rows("SELECT * FROM dashboard_snapshots WHERE secret_id = ?", id).get(0);
        assertEquals("failed", row.get("collection_status"));
        assertEquals("outage", row.get("health_status"), "a 5xx during a confirmed incident is an outage");
        assertEquals("outage", row.get("service_status"));
        assertNotNull(row.get("error_message_redacted"));
        assertFalse(((String) row.get("error_message_redacted")).contains(KeyLedger.DEFAULT_SEEDED_VALUE));
    }

    @Test
    void snapshotsAreStoredAsEachKeyFinishes() throws Exception {
        vault.setApiBaseUrl("practice-cloud", cloud.baseUrl());
        vault.addSecret("pc-a", KeyLedger.DEFAULT_SEEDED_VALUE, null);
        vault.addSecret("pc-b", "pc_test_" + "z".repeat(30), "practice-cloud");
        List<Long> storedWhenHeard = new java.util.concurrent.CopyOnWriteArrayList<>();

        dashboard.refreshAll(false, result -> storedWhenHeard.add(vault.count(
                "SELECT count(*) FROM dashboard_snapshots WHERE secret_id = ?", result.target().secretId())));

        assertEquals(List.of(1L, 1L), storedWhenHeard, "each snapshot is in the vault before the listener hears of it");
        assertTrue(Instant.parse("2026-03-10T12:00:00Z").equals(clock.instant()));
    }
}
