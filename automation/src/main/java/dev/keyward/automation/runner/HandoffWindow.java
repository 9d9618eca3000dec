package dev.keyward.automation.runner;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.NavigationGuard;

/**
 * Reopens a handed-over page where it may reach the hosts a person added. A running browser's limits cannot
 * grow (the resolver rules are launch flags, the proxy bypass is fixed when a context opens), so the page moves:
 * a new browser limited to the wider list, a context carrying the old one's cookies and storage, the same
 * address. Form fields typed on the old page do not move; the person types them again. The three walls stay,
 * around the wider list.
 */
final class HandoffWindow {

    /** The reopened page and the browser it lives in; closing it closes the browser. */
    record Widened(LaunchedBrowser browser, Page page) implements AutoCloseable {
        @Override
        public void close() {
            browser.close();
        }
    }

    private final BrowserLauncher launcher;

    HandoffWindow(BrowserLauncher launcher) {
        this.launcher = launcher;
    }

    Widened reopen(Page page, HandoffHosts hosts, boolean headed) {
        String storage = page.context().storageState();
        HostLimits limits = new HostLimits(hosts.all());
        LaunchedBrowser browser = launcher.launch(headed, limits);
        try {
            BrowserContext context = browser.newContext(limits, storage);
            new NavigationGuard(new DomainPolicy(hosts.all())).install(context);
            Page wide = context.newPage();
            wide.navigate(page.url());
            return new Widened(browser, wide);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }
}
