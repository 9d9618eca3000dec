package dev.keyward.automation.dashboard.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.browser.DomainPolicy;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hosts a scrape may open and which pages may receive a password, without a browser. */
class ScrapeDomainsTest {

    private static DomainPolicy policyFor(String dashboardUrl) {
        return new ScrapePlan("p1", "acme", URI.create(dashboardUrl), List.of()).domainPolicy();
    }

    @Test
    void aLoopbackDashboardAdmitsOnlyItsOwnAddressOnAnyPort() {
        DomainPolicy policy = policyFor("http://127.0.0.1:8765/dashboard");

        assertEquals(List.of("127.0.0.1"), policy.allowedDomains());
        assertTrue(policy.allows("http://127.0.0.1:9999/login"));
        assertFalse(policy.allows("http://localhost:8765/login"), "localhost is another host name");
    }

    @Test
    void aNamedDashboardAdmitsItsSubdomainsAndWwwStandsForTheSite() {
        DomainPolicy policy = policyFor("https://www.acme.example/console");

        assertTrue(policy.allows("https://auth.acme.example/sign-in"));
        assertFalse(policy.allows("https://acme.example.evil.test/sign-in"));
        assertFalse(policy.allows("https://evilacme.example/"));
    }

    @Test
    void aDashboardAddressThePolicyCannotHoldAdmitsNothing() {
        DomainPolicy policy = policyFor("http://[::1]:8765/dashboard");

        assertEquals(List.of(), policy.allowedDomains());
        assertFalse(policy.allows("http://[::1]:8765/dashboard"));
    }

    @Test
    void passwordsGoOnlyOverHttpsOrToThisComputer() {
        assertTrue(DashboardSiteGuard.carriesPasswordsSafely("https://acme.example/login"));
        assertTrue(DashboardSiteGuard.carriesPasswordsSafely("http://127.0.0.1:8765/login"));
        assertTrue(DashboardSiteGuard.carriesPasswordsSafely("http://localhost:8765/login"));
        assertFalse(DashboardSiteGuard.carriesPasswordsSafely("http://acme.example/login"));
        assertFalse(DashboardSiteGuard.carriesPasswordsSafely("http://10.0.0.5/login"));
        assertFalse(DashboardSiteGuard.carriesPasswordsSafely("chrome-error://chromewebdata/"));
    }
}
