package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.BrowserPreloading;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.RequiresChromium;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BrowserPreloading} on a page that keeps its speculation rules: no route, no init script and no request wall
 * here, standing in for a rule script no layer reaches (corpus {@code s44}: a closed declarative shadow root of a
 * {@code blob:} page). Chromium fetches such a prefetch from its browser process, where neither routing nor the wall
 * sees it; with preloading turned off it is never made. The same page in a browser left as launched does prefetch,
 * so the page really asks.
 */
@RequiresChromium
class BrowserPreloadingTest {

    private static final List<String> ALLOWED = List.of("127.0.0.1");
    private static final String RULES_PAGE = """
            <!doctype html><body><p>Usage</p>
            <script type="speculationrules">
            {"prefetch": [{"source": "list", "urls": ["/account/delete?now=1"], "eagerness": "immediate"}]}
            </script>
            <script>setTimeout(() => fetch('/api/later').then(() => {
              const p = document.createElement('p'); p.id = 'later'; document.body.append(p); }), 1500);</script>
            </body>""";

    @Test
    void aBrowserWithPreloadingOffNeverFetchesWhatAPagesRulesName() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.page("/start", RULES_PAGE);
            LaunchedBrowser browser = launch();
            try {
                BrowserPreloading.turnOff(browser.browser());
                open(browser, server);
            } finally {
                browser.close();
            }
            assertFalse(server.received("GET", "/api/later").isEmpty(), "the page ran: " + server.received());
            assertEquals(List.of(), server.received("GET", "/account/delete"), "the prefetch left");
        }
    }

    @Test
    void turningItOffTwiceInOneBrowserAsksTheBrowserOnce() throws Exception {
        LaunchedBrowser browser = launch();
        try {
            BrowserPreloading.turnOff(browser.browser());
            // The second call finds the browser done: no settings page is opened again.
            BrowserPreloading.turnOff(browser.browser());
            assertEquals(List.of(), browser.browser().contexts(), "nothing of the settings page stays behind");
        } finally {
            browser.close();
        }
    }

    @Test
    void theSamePageInABrowserLeftAsLaunchedIsPrefetched() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.page("/start", RULES_PAGE);
            LaunchedBrowser browser = launch();
            try {
                open(browser, server);
                // Immediate eagerness: the prefetch starts as the rules are read; give it the page's own time.
                for (int i = 0; i < 100 && server.received("GET", "/account/delete").isEmpty(); i++) {
                    Thread.sleep(50);
                }
            } finally {
                browser.close();
            }
            assertEquals(1, server.received("GET", "/account/delete").size(), String.valueOf(server.received()));
        }
    }

    private static LaunchedBrowser launch() {
        return new BrowserLauncher(ChromiumLocator.forProcess()).launch(false, new HostLimits(ALLOWED));
    }

    private static void open(LaunchedBrowser browser, RecordingServer server) {
        try (BrowserContext context = browser.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(server.base() + "/start");
            page.waitForSelector("#later", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        }
    }
}
