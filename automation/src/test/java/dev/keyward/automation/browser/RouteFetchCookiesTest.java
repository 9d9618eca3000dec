package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.options.Cookie;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Which cookies the route's own fetch sends to a later hop, which it keeps from an answer the browser never sees, and
 * which method a redirect is followed with: as the browser would, not as Playwright's cookie filter does (every domain
 * treated as a domain cookie, paths matched by prefix), and never more loosely than the browser keeps them.
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

    @Test
    void aSecureCookieFromAPlainHttpAnswerIsNotKept() {
        assertNull(RouteFetch.cookie("s=1; Secure", URI.create("http://example.com/")));
        assertEquals(Boolean.TRUE, RouteFetch.cookie("s=1; Secure", URI.create("https://example.com/")).secure);
    }

    @Test
    void aDomainOtherThanTheAnswersOwnHostIsNotTaken() {
        assertNull(RouteFetch.cookie("a=1; Domain=0.0.1", URI.create("http://127.0.0.1/")));
        assertNull(RouteFetch.cookie("a=1; Domain=com", URI.create("https://example.com/")));
        assertNull(RouteFetch.cookie("a=1; Domain=co.uk", URI.create("https://shop.co.uk/")));
        assertNull(RouteFetch.cookie("a=1; Domain=other.com", URI.create("https://example.com/")));
        assertEquals("127.0.0.1", RouteFetch.cookie("a=1; Domain=127.0.0.1", URI.create("http://127.0.0.1/")).domain);
        assertEquals(".example.com", RouteFetch.cookie("a=1; Domain=.example.com",
                URI.create("https://example.com/")).domain);
        assertEquals("example.com", RouteFetch.cookie("a=1", URI.create("https://example.com/")).domain);
    }

    @Test
    void anExpiresDateIsReadInEveryFormABrowserReads() {
        long epoch2021 = 1623233894L;
        assertEquals(epoch2021, CookieDate.parse("Wed, 09 Jun 2021 10:18:14 GMT"));
        assertEquals(epoch2021, CookieDate.parse("Wed, 09-Jun-2021 10:18:14 GMT"));
        assertEquals(epoch2021, CookieDate.parse("Wed, 09-Jun-21 10:18:14 GMT"));
        assertEquals(epoch2021, CookieDate.parse("Wed Jun 09 10:18:14 2021"));
        assertEquals(0L, CookieDate.parse("Thu, 01-Jan-1970 00:00:00 GMT"));
        assertNull(CookieDate.parse("tomorrow"));
        assertNull(CookieDate.parse("Wed, 31-Jun-2021 10:18:14 GMT"));
    }

    @Test
    void aDashedPastExpiresOrAZeroMaxAgeExpiresTheCookie() {
        assertEquals(0.0, RouteFetch.cookie("gone=; Expires=Thu, 01-Jan-1970 00:00:00 GMT",
                URI.create("https://example.com/")).expires);
        assertEquals(0.0, RouteFetch.cookie("gone=; Max-Age=0", URI.create("https://example.com/")).expires);
    }
}
