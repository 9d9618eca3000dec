package dev.keyward.automation.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;

/**
 * A running Chromium and the Playwright driver that talks to it; closing it stops both. One per run:
 * each run opens its own {@link BrowserContext} so no cookie or storage leaks from one run to the next.
 */
public final class LaunchedBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserExecutable executable;
    private final boolean headed;

    LaunchedBrowser(Playwright playwright, Browser browser, BrowserExecutable executable, boolean headed) {
        this.playwright = playwright;
        this.browser = browser;
        this.executable = executable;
        this.headed = headed;
    }

    public Browser browser() {
        return browser;
    }

    /** A fresh, isolated context: no cookies, no storage, downloads refused. */
    public BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(false));
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
        }
    }
}
