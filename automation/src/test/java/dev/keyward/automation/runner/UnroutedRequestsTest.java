package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
 * no {@code networkId}); without the wall, every one of these purchases reached the server past a route that
 * refuses every write.
 */
@RequiresChromium
class UnroutedRequestsTest {

    private static final List<String> ALLOWED = List.of("127.0.0.1");
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
            try (BrowserContext context = guarded(true)) {
                Page page = context.newPage();
                page.navigate(server.base() + "/start");
                page.waitForSelector("#sent", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
            }
            assertEquals(1, server.received("GET", "/api/status").size(), String.valueOf(server.received()));
            assertEquals(1, server.received("POST", "/api/save").size(), "an approved write goes out through the route");
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
        try (BrowserContext context = guarded(approveWrites)) {
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

    /** A context whose route refuses every write (or lets every one out), with the wall below it. */
    private static BrowserContext guarded(boolean approveWrites) {
        BrowserContext context = browser.newContext(new HostLimits(ALLOWED));
        NavigationGuard guard = new NavigationGuard(new DomainPolicy(ALLOWED));
        guard.install(context);
        // A stand-in for the run's gate: reads pass, and so does every write when approveWrites.
        guard.holdRequests(request -> approveWrites || !RequestReader.isWrite(request) && !request.url().contains("/delete"));
        UnroutedRequests.install(context);
        return context;
    }
}
