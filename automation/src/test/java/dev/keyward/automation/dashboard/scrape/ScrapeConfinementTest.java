package dev.keyward.automation.dashboard.scrape;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.dashboard.refresh.RefreshTiming;
import dev.keyward.automation.dashboard.service.DashboardConfig;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.practice.PracticeAccount;
import dev.keyward.automation.testing.Browsers;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard scrape stays on the dashboard's own host, as a step program stays on its allowed_domains: the
 * dashboard lives on 127.0.0.1, and a second site, addressed as {@code localhost} (another host to
 * {@code DomainPolicy}, which compares host names exactly and ignores ports), plays the phishing page. It
 * records every request, so "no credential arrived" is checked where it matters.
 */
class ScrapeConfinementTest {

    /** URL-safe, so a form post would carry it verbatim. */
    private static final String CANARY = "CanaryPw7f3k9q2ZxL0wq";

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.at("2026-03-10T12:00:00Z");
    private TestVault vault;
    private DashboardService dashboard;
    private RecordingSite dashboardSite;
    private RecordingSite otherSite;
    private String otherOrigin;

    @BeforeEach
    void setUp() throws Exception {
        Browsers.requireChromium();
        vault = TestVault.create(dir, clock);
        dashboardSite = new RecordingSite();
        otherSite = new RecordingSite();
        otherOrigin = "http://localhost:" + otherSite.port();
        otherSite.answer("/login", RecordingSite.Answer.page(RecordingSite.LOGIN_FORM.formatted("/login", "")));
        dashboard = new DashboardService(vault.session(), DashboardConfig.defaults()
                .withTiming(new RefreshTiming(clock, duration -> { }, () -> 0.0))
                .withRefresh(RefreshSettings.defaults().withRequestTimeout(Duration.ofSeconds(20)).withMaxAttempts(1)));
        vault.setDashboardUrl("practice-cloud", "http://127.0.0.1:" + dashboardSite.port() + "/dashboard");
        vault.addSecret("pc-main", KeyLedger.DEFAULT_SEEDED_VALUE, null);
        vault.addSecret("practice-cloud-username", PracticeAccount.DEFAULT_USERNAME, "practice-cloud");
        vault.addSecret("practice-cloud-password", CANARY, "practice-cloud");
    }

    @AfterEach
    void tearDown() {
        for (AutoCloseable open : new AutoCloseable[] {dashboardSite, otherSite, vault}) {
            try {
                if (open != null) {
                    open.close();
                }
            } catch (Exception e) {
                // Closing test fixtures; the next test starts fresh ones.
            }
        }
    }

    @Test
    void aDashboardThatRedirectsToAnotherHostGetsNoCredentialAndTheSnapshotSaysWhy() throws Exception {
        dashboardSite.answer("/dashboard", RecordingSite.Answer.redirect(otherOrigin + "/login"));

        String output = refreshCapturingOutput();

        assertEquals(List.of(), otherSite.requests(), "the browser never reached the other host");
        assertSentAwayAndNothingLeaked(output);
    }

    @Test
    void aDashboardThatSendsTheBrowserAwayByScriptGetsNoCredential() throws Exception {
        dashboardSite.answer("/dashboard", RecordingSite.Answer.page("""
                <!doctype html><html><body><script>location.href = '%s/login';</script>
                <p>One moment...</p></body></html>""".formatted(otherOrigin)));

        String output = refreshCapturingOutput();

        assertEquals(List.of(), otherSite.requests(), "the browser never reached the other host");
        assertSentAwayAndNothingLeaked(output);
    }

    @Test
    void aSignInFormThatPostsToAnotherHostGetsNothingTyped() throws Exception {
        dashboardSite.answer("/dashboard", RecordingSite.Answer.page(
                RecordingSite.LOGIN_FORM.formatted(otherOrigin + "/login", "")));

        String output = refreshCapturingOutput();

        assertEquals(List.of(), otherSite.requests());
        assertTrue(dashboardSite.requests().stream().allMatch(r -> r.method().equals("GET")), "no sign-in was posted");
        Map<String, Object> snapshot = onlySnapshot();
        assertEquals("failed", snapshot.get("collection_status"));
        assertTrue(((String) snapshot.get("error_message_redacted")).contains("typed nothing"),
                (String) snapshot.get("error_message_redacted"));
        assertNoCanary(output);
    }

    @Test
    void aSignInPageWithACardFieldGetsNothingTyped() throws Exception {
        dashboardSite.answer("/dashboard", RecordingSite.Answer.page(RecordingSite.LOGIN_FORM.formatted("/dashboard",
                "<label for=\"cc\">Card number</label><input id=\"cc\" name=\"cardnumber\" autocomplete=\"cc-number\">")));

        String output = refreshCapturingOutput();

        assertTrue(dashboardSite.requests().stream().allMatch(r -> r.method().equals("GET")), "no sign-in was posted");
        String error = (String) onlySnapshot().get("error_message_redacted");
        assertTrue(error.contains("payment card field") && error.contains("typed nothing"), error);
        assertNoCanary(output);
    }

    /** The control that makes the tests above mean something: Chromium reaches the second site and signs in there. */
    @Test
    void theSameFormOnTheDashboardsOwnHostDoesGetTheSignIn() throws Exception {
        vault.setDashboardUrl("practice-cloud", otherOrigin + "/login");

        String output = refreshCapturingOutput();

        assertTrue(otherSite.requests().stream().anyMatch(r -> r.method().equals("POST") && r.body().contains(CANARY)),
                "the sign-in was posted to the dashboard's own host: " + otherSite.requests().size() + " requests");
        String error = (String) onlySnapshot().get("error_message_redacted");
        assertTrue(error.contains("refused the sign-in"), error);
        assertNoCanary(output);
    }

    private String refreshCapturingOutput() throws InterruptedException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        // slf4j-simple looks up System.err on every line, so swapping it captures the scraper's log.
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            dashboard.refreshAll(false, RefreshListener.ignoring());
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> onlySnapshot() {
        List<Map<String, Object>> rows = vault.rows("SELECT * FROM dashboard_snapshots");
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private void assertSentAwayAndNothingLeaked(String output) throws Exception {
        Map<String, Object> snapshot = onlySnapshot();
        String error = (String) snapshot.get("error_message_redacted");
        assertAll(
                () -> assertEquals("scrape", snapshot.get("collection_method")),
                () -> assertEquals("failed", snapshot.get("collection_status")),
                () -> assertTrue(error.contains("sent the browser to another site (localhost)"), error),
                () -> assertTrue(error.contains("typed nothing"), error),
                () -> assertEquals(0, vault.count("SELECT count(*) FROM provider_selectors WHERE verification_status = 'broken'"),
                        "a page on another site is no evidence of drift"));
        assertNoCanary(output);
    }

    private void assertNoCanary(String output) throws Exception {
        assertFalse(output.contains(CANARY), "the password reached the log");
        assertFalse(vault.allText().contains(CANARY), "the password reached a column");
        assertEquals(List.of(), vault.filesContaining(CANARY), "the password reached a file");
    }
}
