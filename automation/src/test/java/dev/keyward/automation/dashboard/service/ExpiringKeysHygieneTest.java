package dev.keyward.automation.dashboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.dashboard.admin.AdminApiFake;
import dev.keyward.automation.dashboard.admin.AdminApiFake.Reply;
import dev.keyward.automation.dashboard.hygiene.HygieneFinding;
import dev.keyward.automation.dashboard.hygiene.HygieneKind;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import dev.keyward.vault.io.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys close to expiry reach the hygiene report without any admin key: a GitHub token's expiry from the
 * {@code github-authentication-token-expiration} header of its last refresh, and a key whose vault entry carries
 * an expiry set by hand (Stripe reports none for restricted keys).
 */
class ExpiringKeysHygieneTest {

    private static final String GITHUB = "github_pat_CANARYexpiringTOKEN000000000000000000";
    private static final String STRIPE = "rk_live_CANARYrestrictedKEY0000000000000000";

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at("2026-03-10T12:00:00Z");
    private TestVault vault;
    private AdminApiFake github;

    @BeforeEach
    void setUp() throws Exception {
        vault = TestVault.create(dir, clock);
        github = new AdminApiFake();
        // GitHub REST API 2022-11-28, "Rate limit": the documented body; the expiry header of a fine-grained token.
        github.route("/rate_limit", Reply.ok("{\"resources\":{\"core\":{\"limit\":5000,\"used\":1,\"remaining\":4999,"
                        + "\"reset\":1773150000}},\"rate\":{\"limit\":5000,\"used\":1,\"remaining\":4999,\"reset\":1773150000}}")
                .withHeaders(Map.of("github-authentication-token-expiration", "2026-03-15 00:00:00 UTC",
                        "x-ratelimit-remaining", "4999")));
        for (String slug : List.of("github", "stripe")) {
            vault.setStatusPageUrl(slug, "");
        }
        vault.setApiBaseUrl("github", github.baseUrl().toString());
        vault.setApiBaseUrl("stripe", "");
        vault.addSecret("gh-deploy", GITHUB, "github");
        vault.addSecret("stripe-restricted", STRIPE, "stripe");
        vault.addSecret("stripe-later", STRIPE.replace("CANARY", "LATERX"), "stripe");
        vault.execute("UPDATE secrets SET expires_at = ? WHERE name = 'stripe-restricted'",
                Timestamps.format(Instant.parse("2026-03-18T00:00:00Z")));
        vault.execute("UPDATE secrets SET expires_at = ? WHERE name = 'stripe-later'",
                Timestamps.format(Instant.parse("2026-06-01T00:00:00Z")));
    }

    @AfterEach
    void tearDown() {
        github.close();
        vault.close();
    }

    @Test
    void aGitHubTokenExpiryAndAVaultExpiryAreExpiringFindingsWithoutAnyAdminKey() throws Exception {
        DashboardService dashboard = new DashboardService(vault.session(), DashboardServiceTest.testConfig(clock)
                .withRefresh(dev.keyward.automation.dashboard.refresh.RefreshSettings.defaults()
                        .withRequestTimeout(java.time.Duration.ofSeconds(10))));
        dashboard.refreshAll(false, RefreshListener.ignoring());

        List<HygieneFinding> expiring = dashboard.hygiene().report().findings().stream()
                .filter(f -> f.kind() == HygieneKind.EXPIRING).toList();
        assertEquals(List.of("gh-deploy", "stripe-restricted"), expiring.stream().map(HygieneFinding::secretName).sorted().toList(),
                "stripe-later expires in 83 days, outside the 14-day notice");
        HygieneFinding gh = expiring.stream().filter(f -> f.secretName().equals("gh-deploy")).findFirst().orElseThrow();
        assertTrue(gh.sentence().contains("expires on 2026-03-15 (as github reported at the last refresh)"), gh.sentence());
        assertTrue(gh.actions().get(0) instanceof dev.keyward.automation.dashboard.hygiene.HygieneAction.OpenProviderPage);

        String warnings = (String) vault.rows("""
                SELECT d.warnings_json FROM dashboard_snapshots d JOIN secrets s ON s.id = d.secret_id
                 WHERE s.name = 'gh-deploy'""").get(0).get("warnings_json");
        assertTrue(warnings.contains("expires on 2026-03-15"), "the key card warns too: " + warnings);

        String report = new ObjectMapper().writeValueAsString(dashboard.hygiene().report());
        assertFalse(report.contains("CANARY") || report.contains("LATERX"), report);
        assertFalse(vault.allText().contains("CANARY"), "no key value in any column");
    }
}
