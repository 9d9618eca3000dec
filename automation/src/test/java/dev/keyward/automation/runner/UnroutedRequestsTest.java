package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.browser.UnroutedRequests;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wall below Playwright's routing ({@link UnroutedRequests}), on pages that get the browser's own
 * {@code fetch} and {@code sendBeacon}: no init script here, standing in for any frame a page reaches before the
 * runner's script does. Playwright lets a keep-alive request made as a page is left out without a route (it has
 * no {@code networkId}), and every request of a shared worker (it attaches to none); without the wall these reached
 * the server past a route that refuses every write. What the route lets on still goes out, from a cross-site frame
 * in a process of its own and from a popup too, and so does the next hop of its redirect.
 */
@RequiresChromium
class UnroutedRequestsTest {

    private static final List<String> ALLOWED = List.of("127.0.0.1", "localhost");
    private static LaunchedBrowser browser;

    @BeforeAll
    static void launch() {
        browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false, new HostLimits(ALLOWED));
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aKeepAliveFetchSentAsThePageIsLeftNeverReachesTheServer() throws Exception {
        assertNothingLeavesOnPagehide(
                "fetch('/api/purchase', {method: 'POST', keepalive: true, body: 'plan=pro'})");
    }

    @Test
    void aBeaconSentAsThePageIsLeftNeverReachesTheServer() throws Exception {
        assertNothingLeavesOnPagehide("navigator.sendBeacon('/api/purchase', 'plan=pro')");
    }

    @Test
    void aKeepAliveFetchFromAFreshFrameAsThePageIsLeftNeverReachesTheServer() throws Exception {
        assertNothingLeavesOnPagehide("frames[0].fetch('/api/purchase', {method: 'POST', keepalive: true, body: 'plan=pro'})");
    }

    @Test
    void aKeepAliveGetOfADeleteAddressAsThePageIsLeftNeverReachesTheServer() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            leave(server, "fetch('/account/delete?id=1', {keepalive: true})", false);
            assertEquals(List.of(), server.received("GET", "/account/delete"));
        }
    }

    @Test
    void whatThePageSendsWhileItIsOpenStillGoesThroughTheRoute() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.page("/start", """
                    <!doctype html><body><script>
                    fetch('/api/status').then(() => fetch('/api/save', {method: 'POST', keepalive: true, body: 'cap=5'}))
                      .then(() => { const p = document.createElement('p'); p.id = 'sent'; document.body.append(p); });
                    </script></body>""");
            try (Guarded context = guarded(true)) {
                Page page = context.newPage();
                page.navigate(server.base() + "/start");
                page.waitForSelector("#sent", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
            }
            assertEquals(1, server.received("GET", "/api/status").size(), String.valueOf(server.received()));
            assertEquals(1, server.received("POST", "/api/save").size(), "an approved write goes out through the route");
        }
    }

    @Test
    void aSharedWorkersPurchaseNeverReachesTheServerEvenWhenTheRouteWouldAllowIt() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            // The worker's script is a blob (no request), so the worker runs and its fetch is the only request it makes.
            server.page("/start", """
                    <!doctype html><body><script>
                    const source = `onconnect = (e) => { const port = e.ports[0];
                      fetch('${location.origin}/api/purchase', {method: 'POST', body: 'plan=pro'})
                        .then(() => port.postMessage('sent'), () => port.postMessage('refused')); };`;
                    const worker = new SharedWorker(URL.createObjectURL(new Blob([source], {type: 'text/javascript'})));
                    worker.port.onmessage = (e) => { const p = document.createElement('p'); p.id = e.data;
                      document.body.append(p); };
                    worker.port.start();
                    </script></body>""");
            try (Guarded context = guarded(true)) {
                Page page = context.newPage();
                page.navigate(server.base() + "/start");
                page.waitForSelector("#refused", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
            }
            assertEquals(List.of(), server.received("POST", "/api/purchase"), "a shared worker's request left unrouted");
        }
    }

    @Test
    void aPrefetchAddedAsThePageIsLeftNeverReachesTheServer() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            leave(server, "{ const l = document.createElement('link'); l.rel = 'prefetch';"
                    + " l.href = '/account/delete?id=1'; document.head.append(l); }", false);
            assertEquals(List.of(), server.received("GET", "/account/delete"), "the prefetch left: " + server.received());
        }
    }

    @Test
    void aRequestNoRouteLetOnDoesNotLeaveTheBrowser() throws Exception {
        // Stands in for every request Playwright continues without asking a route (a frame it no longer knows, a
        // target it is not attached to): a context with no route at all, on the browser whose wall is up.
        try (RecordingServer server = new RecordingServer();
             UnroutedRequests wall = UnroutedRequests.install(browser.browser());
             BrowserContext unrouted = browser.newContext(new HostLimits(ALLOWED))) {
            Page page = unrouted.newPage();
            assertThrows(PlaywrightException.class, () -> page.navigate(server.base() + "/start"));
            assertEquals(List.of(), server.received(), "nothing the route did not let on may arrive");
        }
    }

    @Test
    void requestsOfACrossSiteFrameAPopupAndARedirectTheRouteLetOnStillGoOut() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.redirect("/go", "/landing");
            server.page("/start", """
                    <!doctype html><body>
                    <iframe src="%s/frame"></iframe>
                    <script>fetch('/go');</script></body>""".formatted(server.unlistedBase()));
            server.page("/frame", """
                    <!doctype html><body><script>
                    fetch('/api/save', {method: 'POST', body: 'cap=5'});
                    </script></body>""");
            server.page("/help", """
                    <!doctype html><body><script>
                    fetch('/api/status?from=popup');
                    </script></body>""");
            try (Guarded context = guarded(true)) {
                Page page = context.newPage();
                page.navigate(server.base() + "/start");
                page.evaluate("() => window.open('/help')");
                // The server's log, not the page, says what went out (a frame's or popup's message back to the page
                // can be slow to arrive); waiting on the page keeps Playwright's events, the route's among them, flowing.
                for (int i = 0; i < 200 && (server.received("POST", "/api/save").isEmpty()
                        || server.received("GET", "/api/status").isEmpty() || server.received("GET", "/landing").isEmpty()); i++) {
                    page.waitForTimeout(100);
                }
            }
            assertEquals(1, server.received("POST", "/api/save").size(), "the frame's approved write: " + server.received());
            assertEquals(1, server.received("GET", "/api/status").size(), "the popup's read: " + server.received());
            assertEquals(1, server.received("GET", "/landing").size(), "the redirect's next hop: " + server.received());
        }
    }

    private static void assertNothingLeavesOnPagehide(String send) throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            leave(server, send, false);
            assertEquals(List.of(), server.received("POST", "/api/purchase"), "the wall is off: " + server.received());
            assertTrue(server.received("GET", "/items").size() == 1, "the page was left: " + server.received());
        }
    }

    /** Opens a page that sends with {@code send} from its pagehide listener, leaves it, and waits for stragglers. */
    private static void leave(RecordingServer server, String send, boolean approveWrites) throws Exception {
        server.page("/start", """
                <!doctype html><body><a id="next" href="/items">Next</a>
                <script>document.body.append(document.createElement('iframe'));
                addEventListener('pagehide', () => %s);</script></body>""".formatted(send));
        try (Guarded context = guarded(approveWrites)) {
            Page page = context.newPage();
            page.navigate(server.base() + "/start");
            page.click("#next");
            page.waitForSelector("#received");
            // A keep-alive request is sent by the browser after the page has gone: give it time to land.
            Thread.sleep(700);
        }
        Thread.sleep(300);
        assertFalse(server.received("GET", "/start").isEmpty());
    }

    @Test
    void aPassTheLastRunLeftUnspentLetsNothingThroughInTheNextRunOnTheSameBrowser() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.page("/start", "<!doctype html><body>start</body>");
            // Run 1 on the browser's shared session: the route let a purchase on, the page never sent it.
            try (UnroutedRequests wall = UnroutedRequests.install(browser)) {
                wall.admit("GET", server.base() + "/start", null, (method, url, body) -> false);
            }
            // Run 2 on the same session: a context with no route asks for exactly that request.
            try (UnroutedRequests wall = UnroutedRequests.install(browser);
                 BrowserContext unrouted = browser.newContext(new HostLimits(ALLOWED))) {
                Page page = unrouted.newPage();
                PlaywrightException refused = assertThrows(PlaywrightException.class,
                        () -> page.navigate(server.base() + "/start"));
                assertTrue(refused.getMessage().contains("ERR_BLOCKED_BY_CLIENT"), refused.getMessage());
            }
            assertEquals(List.of(), server.received(), "a pass outlived its run: " + server.received());
        }
    }

    @Test
    void theBrowserSendsAsItCameBetweenRunsAndTheWallIsUpAgainForTheNext() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.page("/start", "<!doctype html><body>start</body>");
            server.page("/again", "<!doctype html><body>again</body>");
            UnroutedRequests.install(browser).close();
            // A lent browser goes back to its owner as it came: nothing is held between runs.
            try (BrowserContext owners = browser.newContext(new HostLimits(ALLOWED))) {
                owners.newPage().navigate(server.base() + "/start");
            }
            assertEquals(1, server.received("GET", "/start").size(), String.valueOf(server.received()));
            try (UnroutedRequests wall = UnroutedRequests.install(browser);
                 BrowserContext unrouted = browser.newContext(new HostLimits(ALLOWED))) {
                Page page = unrouted.newPage();
                PlaywrightException refused = assertThrows(PlaywrightException.class,
                        () -> page.navigate(server.base() + "/again"));
                assertTrue(refused.getMessage().contains("ERR_BLOCKED_BY_CLIENT"), refused.getMessage());
            }
            assertEquals(List.of(), server.received("GET", "/again"), "the next run's wall was not up");
        }
    }

    /** A context whose route refuses every write (or lets every one out), with the wall below it (as a run has it). */
    private static Guarded guarded(boolean approveWrites) {
        UnroutedRequests wall = UnroutedRequests.install(browser);
        BrowserContext context = browser.newContext(new HostLimits(ALLOWED));
        NavigationGuard guard = new NavigationGuard(new DomainPolicy(ALLOWED));
        guard.install(context);
        guard.onLetOn(wall::admit);
        // A stand-in for the run's gate: reads pass, and so does every write when approveWrites.
        guard.holdRequests(request -> approveWrites || !RequestReader.isWrite(request) && !request.url().contains("/delete"));
        return new Guarded(context, wall);
    }

    /** A guarded context and the browser's wall, closed together as a run closes them. */
    private record Guarded(BrowserContext context, UnroutedRequests wall) implements AutoCloseable {
        Page newPage() {
            return context.newPage();
        }

        @Override
        public void close() {
            context.close();
            wall.close();
        }
    }
}
