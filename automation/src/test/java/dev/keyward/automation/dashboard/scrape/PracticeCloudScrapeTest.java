package dev.keyward.automation.dashboard.scrape;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.dashboard.refresh.RefreshTiming;
import dev.keyward.automation.dashboard.service.DashboardAlerts;
import dev.keyward.automation.dashboard.service.DashboardConfig;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.service.RefreshReport;
import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.automation.dashboard.ProviderSelector;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.practice.PracticeAccount;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.practice.PracticeState;
import dev.keyward.automation.testing.Browsers;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scraping Practice Cloud's dashboard with a real headless Chromium: sign-in from the vault, the
 * seeded V1 selectors, drift when the page switches to layout V2, and recovery with a new version.
 */
class PracticeCloudScrapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at("2026-03-10T12:00:00Z");
    private TestVault vault;
    private PracticeCloud cloud;
    private DashboardService dashboard;
    private final List<DashboardAlerts.Alert> alerts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Browsers.requireChromium();
        vault = TestVault.create(dir, clock);
        cloud = PracticeCloud.start(0, new PracticeState(clock));
        dashboard = new DashboardService(vault.session(), DashboardConfig.defaults()
                .withTiming(new RefreshTiming(clock, duration -> { }, () -> 0.0))
                .withRefresh(RefreshSettings.defaults().withRequestTimeout(Duration.ofSeconds(20))));
        dashboard.alerts().subscribe(alerts::add);
        // No API base URL: Practice Cloud is read from its web dashboard.
        vault.setDashboardUrl("practice-cloud", cloud.baseUrl() + "/dashboard");
        vault.addSecret("pc-main", KeyLedger.DEFAULT_SEEDED_VALUE, null);
        vault.addSecret("practice-cloud-username", PracticeAccount.DEFAULT_USERNAME, "practice-cloud");
        vault.addSecret("practice-cloud-password", PracticeAccount.DEFAULT_PASSWORD, "practice-cloud");
    }

    @AfterEach
    void tearDown() {
        if (cloud != null) {
            cloud.close();
        }
        if (vault != null) {
            vault.close();
        }
    }

    @Test
    void theDashboardIsReadThenASelectorBreaksAfterAPageChangeAndANewVersionRepairsIt() throws Exception {
        RefreshReport first = dashboard.refreshAll(false, RefreshListener.ignoring());

        assertEquals(List.of("pc-main"), first.secretNames(), "sign-in secrets are not collected as keys");
        DashboardCard card = dashboard.overview().get(0);
        Map<String, Object> row = vault.rows("SELECT * FROM dashboard_snapshots").get(0);
        JsonNode usage = JSON.readTree((String) row.get("usage_stats_json"));
        JsonNode config = JSON.readTree((String) row.get("config_attributes_json"));
        JsonNode restrictions = JSON.readTree((String) row.get("restrictions_json"));
        assertAll(
                () -> assertEquals("scrape", card.method()),
                () -> assertEquals("success", card.status(), card.error()),
                () -> assertEquals(48210, usage.get("requests").asLong()),
                () -> assertEquals(100000, usage.get("limit").asLong()),
                () -> assertEquals(48.2, usage.get("usage_percent").asDouble(), 1e-9),
                () -> assertEquals(42.17, usage.get("cost").asDouble(), 1e-9),
                () -> assertEquals("USD", usage.get("currency").asText()),
                () -> assertEquals("Builder", config.get("plan").asText()),
                () -> assertEquals("eu-west-1", config.get("region").asText()),
                () -> assertEquals(600, restrictions.get("rate_limit").asInt()));
        assertEquals(1, cloud.state().account().logins().size(), "signed in once, with the vault's credentials");
        assertTrue(dashboard.selectors("practice-cloud").stream().filter(s -> !s.isLogin())
                .allMatch(s -> s.status().equals("verified")));

        cloud.state().setDashboardLayout(PracticeState.DashboardLayout.V2);
        clock.advance(Duration.ofHours(1));
        dashboard.refreshAll(false, RefreshListener.ignoring());

        DashboardCard drifted = dashboard.overview().get(0);
        assertEquals("partial", drifted.status());
        assertTrue(drifted.error().contains("no longer match"), drifted.error());
        assertTrue(drifted.warnings().stream().anyMatch(w -> w.contains("dashboard page no longer has the shape")),
                drifted.warnings().toString());
        List<ProviderSelector> afterDrift = dashboard.selectors("practice-cloud");
        assertEquals(8, afterDrift.stream().filter(ProviderSelector::isBroken).count(), "every V1 figure selector broke");
        assertEquals(1, vault.count("SELECT count(*) FROM audit_log WHERE action = 'selector_drift'"));
        assertEquals(1, alerts.size());
        assertEquals(DashboardAlerts.Kind.SELECTOR_DRIFT, alerts.get(0).kind());

        clock.advance(Duration.ofHours(1));
        RefreshReport whileBroken = dashboard.refreshAll(false, RefreshListener.ignoring());
        assertEquals("cached", whileBroken.results().get(0).result().method().dbValue(),
                "with every selector broken, the last good snapshot is shown");
        assertEquals(1, alerts.size(), "no second alert for selectors already known broken");

        dashboard.addSelector("practice-cloud", "usage_requests", "css", "#metric-requests-mtd");
        dashboard.addSelector("practice-cloud", "usage_percent", "css", "#metric-quota-used");
        clock.advance(Duration.ofHours(1));
        dashboard.refreshAll(false, RefreshListener.ignoring());

        DashboardCard repaired = dashboard.overview().get(0);
        assertEquals("scrape", repaired.method());
        assertEquals(48210L, repaired.requests(), "read with version 2 of the selector");
        assertEquals(48.2, repaired.usagePercent(), 1e-9, "'48.2%' in V2 reads as a number");
        assertEquals(2, dashboard.selectors("practice-cloud").stream()
                .filter(s -> s.version() == 2 && s.status().equals("verified")).count());
    }

    @Test
    void anUnattendedRefreshScrapesOnlyInAutonomousMode() throws Exception {
        RefreshReport unattended = dashboard.refreshAll(true, RefreshListener.ignoring());

        assertEquals("cached", unattended.results().get(0).result().method().dbValue());
        assertTrue(unattended.note().contains("autonomous_mode_enabled"), unattended.note());
        assertEquals(0, cloud.state().account().logins().size(), "nobody signed in to the console");

        vault.session().settings().set("autonomous_mode_enabled", "true");
        RefreshReport autonomous = dashboard.refreshAll(true, RefreshListener.ignoring());
        assertEquals("scrape", autonomous.results().get(0).result().method().dbValue());
    }

    @Test
    void aRefusedSignInIsReportedWithoutThePassword() throws Exception {
        cloud.state().account().setCredentials(PracticeAccount.DEFAULT_USERNAME, "another-password-77");

        dashboard.refreshAll(false, RefreshListener.ignoring());

        DashboardCard card = dashboard.overview().get(0);
        assertEquals("failed", card.status());
        assertTrue(card.error().contains("refused the sign-in"), card.error());
        assertFalse(vault.allText().contains(PracticeAccount.DEFAULT_PASSWORD), "the console password reached a column");
    }
}
