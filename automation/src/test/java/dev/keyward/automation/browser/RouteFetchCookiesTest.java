package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.options.Cookie;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Which cookies the route's own fetch sends, and which method a redirect is followed with: as the browser would,
 * not as Playwright's cookie filter does (every domain treated as a domain cookie, paths matched by prefix).
 */
class RouteFetchCookiesTest {

    private static Cookie cookie(String domain, String path) {
        return new Cookie("sid", "v").setDomain(domain).setPath(path);
    }

    @Test
    void aHostOnlyCookieGoesToItsHostAlone() {
        assertTrue(RouteFetch.sentTo(cookie("example.com", "/"), URI.create("https://example.com/a")));
        assertFalse(RouteFetch.sentTo(cookie("example.com", "/"), URI.create("https://x.example.com/a")));
    }

    @Test
    void aDomainCookieGoesToTheDomainAndItsSubdomains() {
        assertTrue(RouteFetch.sentTo(cookie(".example.com", "/"), URI.create("https://example.com/")));
        assertTrue(RouteFetch.sentTo(cookie(".example.com", "/"), URI.create("https://x.example.com/")));
        assertFalse(RouteFetch.sentTo(cookie(".example.com", "/"), URI.create("https://badexample.com/")));
    }

    @Test
    void aPathMatchesAtASlashBoundary() {
        assertTrue(RouteFetch.sentTo(cookie("example.com", "/foo"), URI.create("https://example.com/foo")));
        assertTrue(RouteFetch.sentTo(cookie("example.com", "/foo"), URI.create("https://example.com/foo/bar")));
        assertFalse(RouteFetch.sentTo(cookie("example.com", "/foo"), URI.create("https://example.com/foobar")));
        assertTrue(RouteFetch.sentTo(cookie("example.com", "/foo/"), URI.create("https://example.com/foo/bar")));
    }

    @Test
    void aRedirectKeepsItsMethodUnlessTheStandardTurnsItIntoGet() {
        assertEquals("GET", NavigationGuard.methodAfterRedirect(303, "DELETE"));
        assertEquals("HEAD", NavigationGuard.methodAfterRedirect(303, "HEAD"));
        assertEquals("GET", NavigationGuard.methodAfterRedirect(302, "POST"));
        assertEquals("GET", NavigationGuard.methodAfterRedirect(301, "POST"));
        assertEquals("DELETE", NavigationGuard.methodAfterRedirect(302, "DELETE"));
        assertEquals("PUT", NavigationGuard.methodAfterRedirect(301, "PUT"));
        assertEquals("POST", NavigationGuard.methodAfterRedirect(307, "POST"));
    }
}
