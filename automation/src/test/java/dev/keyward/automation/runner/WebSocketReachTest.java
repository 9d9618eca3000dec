package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.browser.SocketHold;
import dev.keyward.automation.browser.UnroutedRequests;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebSockets in a browser set up as a run sets it up (host limits at launch and per context, the route, the wall,
 * the socket hold): a handshake does not pass the route or the wall (Chromium's Fetch domain does not see it), so the
 * host limits alone must keep a socket to an unlisted host from connecting, and the hold alone must keep a message on
 * an allowed host from being sent. The recording server logs each handshake it completes and each message.
 */
@RequiresChromium
class WebSocketReachTest {

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
    void aSocketToAnUnlistedHostNeverConnectsWhileOneToAnAllowedHostDoes() throws Exception {
        try (RecordingServer server = new RecordingServer().withWebSocket()) {
            server.page("/start", "<!doctype html><body><p id=\"ready\">ready</p></body>");
            try (Run run = run(true, new CopyOnWriteArrayList<>())) {
                Page page = run.context().newPage();
                page.navigate(server.base() + "/start");
                // The same listener under the name localhost (not allowed), then under its allowed address.
                Object outcome = page.evaluate("async port => {"
                        + " const tryOpen = url => new Promise(done => { const ws = new WebSocket(url);"
                        + "   ws.onopen = () => { ws.send('buy'); done('open'); }; ws.onerror = () => done('error'); });"
                        + " return [await tryOpen('ws://localhost:' + port + '/unlisted'),"
                        + "   await tryOpen('ws://127.0.0.1:' + port + '/allowed')]; }", server.webSocketPort());
                assertEquals(List.of("error", "open"), outcome);
                awaitMessage(page, server, "/allowed");
            }
            assertEquals(List.of(), server.received("WS-OPEN", "/unlisted"));
            assertEquals(List.of(), server.received("WS", "/unlisted"));
            assertFalse(server.received("WS-OPEN", "/allowed").isEmpty(), "the allowed socket connected");
        }
    }

    @Test
    void aMessageOnAnAllowedHostIsHeldUntilTheReviewLetsItGo() throws Exception {
        for (boolean allow : List.of(false, true)) {
            try (RecordingServer server = new RecordingServer().withWebSocket()) {
                server.page("/start", "<!doctype html><body><p id=\"ready\">ready</p></body>");
                List<String> asked = new CopyOnWriteArrayList<>();
                try (Run run = run(allow, asked)) {
                    Page page = run.context().newPage();
                    page.navigate(server.base() + "/start");
                    page.evaluate("port => new Promise(done => { const ws = new WebSocket('ws://127.0.0.1:' + port"
                            + " + '/feed'); ws.onopen = () => { ws.send('{\"action\":\"purchase\"}'); done(); }; })",
                            server.webSocketPort());
                    if (allow) {
                        awaitMessage(page, server, "/feed");
                    } else {
                        page.waitForTimeout(700);
                    }
                }
                assertEquals(List.of("ws://127.0.0.1:" + server.webSocketPort() + "/feed {\"action\":\"purchase\"}"),
                        asked);
                assertEquals(allow, !server.received("WS", "/feed").isEmpty(), "allowed: " + allow + ", the server saw "
                        + server.received());
                assertTrue(!server.received("WS-OPEN", "/feed").isEmpty(), "the socket itself connected");
            }
        }
    }

    /** Waits in the page (Playwright hands its events to the hold only while a call waits). */
    private static void awaitMessage(Page page, RecordingServer server, String path) {
        for (int i = 0; i < 100 && server.received("WS", path).isEmpty(); i++) {
            page.waitForTimeout(50);
        }
    }

    /** A context as a run opens it: host limits, the route and the wall below it, and the socket hold. */
    private static Run run(boolean allowMessages, List<String> asked) {
        UnroutedRequests wall = UnroutedRequests.install(browser.browser());
        BrowserContext context = browser.newContext(new HostLimits(ALLOWED));
        NavigationGuard guard = new NavigationGuard(new DomainPolicy(ALLOWED));
        guard.install(context);
        guard.onLetOn(wall::admit);
        SocketHold.install(context, (url, text, size) -> asked.add(url + " " + text) && allowMessages);
        return new Run(context, wall);
    }

    /** A run's context and the browser's wall, closed together. */
    private record Run(BrowserContext context, UnroutedRequests wall) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
            wall.close();
        }
    }
}
