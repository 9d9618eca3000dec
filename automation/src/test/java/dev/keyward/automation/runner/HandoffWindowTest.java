package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Cookie;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.RequiresChromium;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A handed-over page reopened with hosts a person added: the wider list is reachable, the cookies moved. */
@RequiresChromium
class HandoffWindowTest {

    @Test
    void theReopenedPageReachesTheAddedHostAndKeepsTheCookies() throws Exception {
        BrowserLauncher launcher = new BrowserLauncher(ChromiumLocator.forProcess());
        List<String> allowed = List.of("127.0.0.1");
        try (RecordingServer site = new RecordingServer();
             LaunchedBrowser first = launcher.launch(false, new HostLimits(allowed))) {
            site.page("/pay", "<!doctype html><title>Pay</title><p>Pay here</p>");
            BrowserContext context = first.newContext(new HostLimits(allowed));
            new NavigationGuard(new DomainPolicy(allowed)).install(context);
            context.addCookies(List.of(new Cookie("session", "handoff-cookie").setUrl(site.base())));
            Page page = context.newPage();
            page.navigate(site.base() + "/pay");
            Page probe = context.newPage();
            assertThrows(PlaywrightException.class, () -> probe.navigate(site.unlistedBase() + "/processor"));
            assertEquals(List.of(), site.toUnlistedHost(), "before widening the other host receives nothing");

            HandoffHosts hosts = HandoffHosts.parse(allowed, "127.0.0.1, localhost");
            try (HandoffWindow.Widened wide = new HandoffWindow(launcher).reopen(page, hosts, false)) {
                assertEquals(site.base() + "/pay", wide.page().url());
                assertTrue(wide.page().context().cookies(site.base()).stream()
                        .anyMatch(c -> c.name.equals("session") && c.value.equals("handoff-cookie")));
                wide.page().navigate(site.unlistedBase() + "/processor");
                assertFalse(site.toUnlistedHost().isEmpty(), "the added host is reachable: " + site.received());
                assertThrows(PlaywrightException.class, () -> wide.page().navigate("http://127.0.0.2:" + site.port() + "/x"));
            }
        }
    }
}
