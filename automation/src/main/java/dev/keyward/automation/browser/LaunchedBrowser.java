package dev.keyward.automation.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Proxy;
import com.microsoft.playwright.options.ServiceWorkerPolicy;

/**
 * A running Chromium and the Playwright driver that talks to it; closing it stops both. One per run:
 * each run opens its own {@link BrowserContext} so no cookie or storage leaks from one run to the next.
 */
public final class LaunchedBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserExecutable executable;
    private final boolean headed;
    private final HostLimits launchLimits;
    private final DeadEndProxy deadEnd = DeadEndProxy.open();

    LaunchedBrowser(Playwright playwright, Browser browser, BrowserExecutable executable, boolean headed,
            HostLimits launchLimits) {
        this.playwright = playwright;
        this.browser = browser;
        this.executable = executable;
        this.headed = headed;
        this.launchLimits = launchLimits;
    }

    public Browser browser() {
        return browser;
    }

    /** A fresh, isolated context: no cookies, no storage, downloads refused. */
    public BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(false));
    }

    /**
     * A fresh, isolated context whose requests to hosts outside {@code limits} go to a proxy that refuses them:
     * whatever routing misses (a redirect hop, a prefetch) cannot reach such a host.
     */
    public BrowserContext newContext(HostLimits limits) {
        return browser.newContext(limited(limits));
    }

    /** As {@link #newContext(HostLimits)}, starting with the cookies and storage of {@code storageState}. */
    public BrowserContext newContext(HostLimits limits, String storageState) {
        return browser.newContext(limited(limits).setStorageState(storageState));
    }

    private Browser.NewContextOptions limited(HostLimits limits) {
        // Service workers are blocked: nothing Keyward injects reaches them, and they could send on their own.
        return new Browser.NewContextOptions().setAcceptDownloads(false).setServiceWorkers(ServiceWorkerPolicy.BLOCK)
                .setProxy(new Proxy(deadEnd.server()).setBypass(limits.proxyBypass()));
    }

    /** The hosts the browser itself was limited to at launch, or null when it was started without a limit. */
    public HostLimits launchLimits() {
        return launchLimits;
    }

    public BrowserExecutable executable() {
        return executable;
    }

    /** Whether the window is shown (the user can take over the page). */
    public boolean headed() {
        return headed;
    }

    public boolean isConnected() {
        return browser.isConnected();
    }

    @Override
    public void close() {
        try {
            if (browser.isConnected()) {
                browser.close();
            }
        } catch (PlaywrightException e) {
            // The user may have closed the window already; the driver is still ours to stop.
        } finally {
            playwright.close();
            deadEnd.close();
        }
    }
}
