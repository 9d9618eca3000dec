package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the route's own fetch sends and keeps, with the real browser and a loopback server that logs each request's
 * Cookie header: exactly the cookies the browser put on the request (none for {@code credentials: 'omit'}, an XHR to
 * another origin without {@code withCredentials}, no SameSite=Strict or Lax cookie on a cross-site form post), the
 * cookies of a hop the browser never sees kept by the browser's rules, and a later hop's relative Location resolved
 * against that hop. These guards have no wall below them (as a dashboard scrape's), so the route fetches every
 * request with a body itself and follows a 307 hop by hop.
 */
@RequiresChromium
class RouteFetchHopsTest {

    private static LaunchedBrowser browser;

    @BeforeAll
    static void launch() {
        browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false);
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aFetchThatOmitsCredentialsAndACrossOriginXhrCarryNoCookie() throws Exception {
        try (Server server = new Server()) {
            server.page("/start", "<!doctype html><p id=\"ready\">ready</p>");
            try (BrowserContext context = guarded()) {
                withCookies(context, server.base());
                Page page = context.newPage();
                page.navigate(server.base() + "/start");
                page.evaluate("() => fetch('/omit', {method: 'POST', body: 'a=1', credentials: 'omit'})");
                page.evaluate("() => fetch('/same', {method: 'POST', body: 'a=1'})");
                // From the same server under another name: another origin (and site) than the cookies' host.
                page.navigate(server.byName() + "/start");
                page.evaluate("url => new Promise(done => { const x = new XMLHttpRequest(); x.open('POST', url);"
                        + " x.onloadend = done; x.send('a=1'); })", server.base() + "/xhr");
            }
            assertEquals("", server.cookie("/omit"));
            assertEquals("", server.cookie("/xhr"));
            assertEquals("strict=1; lax=1", server.cookie("/same"), "a same-origin fetch still carries them");
        }
    }

    @Test
    void aCrossSiteFormPostCarriesNoStrictOrLaxCookieAndACrossSiteLinkNoStrictOne() throws Exception {
        try (Server server = new Server()) {
            server.page("/start", "<!doctype html><form method=\"post\" action=\"" + "BASE/save\"><input name=\"a\""
                    + " value=\"1\"><button id=\"post\">Save</button></form><a id=\"link\" href=\"BASE/read\">Read</a>");
            try (BrowserContext context = guarded()) {
                withCookies(context, server.base());
                Page page = context.newPage();
                page.navigate(server.byName() + "/start");
                page.click("#post");
                page.waitForURL("**/save");
                page.navigate(server.byName() + "/start");
                page.click("#link");
                page.waitForURL("**/read");
                page.navigate(server.base() + "/own");
            }
            assertEquals("", server.cookie("/save"));
            assertEquals("lax=1", server.cookie("/read"));
            assertEquals("strict=1; lax=1", server.cookie("/own"), "a page of its own site gets them all");
        }
    }

    @Test
    void aLaterHopsCookiesAreKeptByTheBrowsersRulesAndItsRelativeLocationResolvesAgainstIt() throws Exception {
        try (Server server = new Server()) {
            server.page("/start", "<!doctype html><form method=\"post\" action=\"/save\"><input name=\"a\" value=\"1\">"
                    + "<button id=\"post\">Save</button></form>");
            server.page("/dir/done", "<!doctype html><p id=\"done\">done</p>");
            server.answer("/save", 307, Map.of("Location", List.of("/dir/hop")));
            // The browser never sees this answer as its own address's: the route fetched that hop itself.
            server.answer("/dir/hop", 302, Map.of("Location", List.of("done"), "Set-Cookie", List.of(
                    "gone=; Path=/; Expires=Thu, 01-Jan-1970 00:00:00 GMT", "sec=1; Path=/; Secure",
                    "wide=1; Path=/; Domain=0.0.1", "kept=1; Path=/")));
            try (BrowserContext context = guarded()) {
                context.addCookies(List.of(new Cookie("gone", "1").setUrl(server.base())));
                Page page = context.newPage();
                page.navigate(server.base() + "/start");
                page.click("#post");
                page.waitForSelector("#done");
                List<String> names = context.cookies().stream().map(c -> c.name).toList();
                assertEquals(List.of("kept"), names);
            }
            assertTrue(server.served().contains("GET /dir/done"), "served: " + server.served());
            assertFalse(server.served().contains("GET /done"), "served: " + server.served());
        }
    }

    private static void withCookies(BrowserContext context, String base) {
        context.addCookies(List.of(new Cookie("strict", "1").setUrl(base).setSameSite(SameSiteAttribute.STRICT),
                new Cookie("lax", "1").setUrl(base).setSameSite(SameSiteAttribute.LAX)));
    }

    /** A context under a guard that allows both names of the server and every request, with no wall below. */
    private static BrowserContext guarded() {
        BrowserContext context = browser.newContext();
        NavigationGuard guard = new NavigationGuard(new DomainPolicy(List.of("127.0.0.1", "localhost")));
        guard.install(context);
        guard.holdRequests(new NavigationGuard.RequestReview() {
            @Override
            public boolean allow(Request request) {
                return true;
            }
        });
        return context;
    }

    /** A loopback server that logs each request's method, path and Cookie header. */
    private static final class Server implements AutoCloseable {
        private final HttpServer http;
        private final Map<String, String> pages = new ConcurrentHashMap<>();
        private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
        private final Map<String, Map<String, List<String>>> headers = new ConcurrentHashMap<>();
        private final Map<String, String> cookies = new ConcurrentHashMap<>();
        private final List<String> served = new CopyOnWriteArrayList<>();

        Server() throws java.io.IOException {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            http.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                exchange.getRequestBody().readAllBytes();
                served.add(exchange.getRequestMethod() + " " + path);
                String cookie = exchange.getRequestHeaders().getFirst("Cookie");
                cookies.put(path, cookie == null ? "" : cookie);
                headers.getOrDefault(path, Map.of()).forEach((name, values) -> exchange.getResponseHeaders().put(name,
                        values));
                byte[] page = pages.getOrDefault(path, "<!doctype html><p id=\"received\">received</p>")
                        .replace("BASE", base()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(statuses.getOrDefault(path, 200), page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            http.start();
        }

        String base() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        /** The same server under another name: another origin and another site. */
        String byName() {
            return "http://localhost:" + http.getAddress().getPort();
        }

        void page(String path, String html) {
            pages.put(path, html);
        }

        void answer(String path, int status, Map<String, List<String>> answerHeaders) {
            statuses.put(path, status);
            headers.put(path, answerHeaders);
        }

        /** The Cookie header {@code path} last arrived with ("" for none); null when it never arrived. */
        String cookie(String path) {
            return cookies.get(path);
        }

        List<String> served() {
            return served;
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
