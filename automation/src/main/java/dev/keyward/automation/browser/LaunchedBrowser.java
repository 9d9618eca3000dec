package dev.keyward.automation.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Proxy;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    /** The browser's operating-system process, when its command line could be read (not on Windows). */
    private final BrowserProcess process;
    private volatile boolean killed;
    /** The browser-target DevTools session the runs' request walls share (see {@link UnroutedRequests}), once made. */
    private CDPSession wallSession;
    /** Whether a request wall holds {@link #wallSession} now. */
    private boolean wallSessionTaken;
    /** How long a closing browser's processes get to end by themselves before they are killed. */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(5);

    LaunchedBrowser(Playwright playwright, Browser browser, BrowserExecutable executable, boolean headed,
            HostLimits launchLimits, BrowserProcess process) {
        this.playwright = playwright;
        this.browser = browser;
        this.executable = executable;
        this.headed = headed;
        this.launchLimits = launchLimits;
        this.process = process;
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

    /**
     * The browser-target session for a run's request wall, made on first use; null while another wall holds it.
     * Its holder hands it back with {@link #returnWallSession}.
     */
    synchronized CDPSession takeWallSession() {
        if (wallSessionTaken) {
            return null;
        }
        if (wallSession == null) {
            wallSession = browser.newBrowserCDPSession();
        }
        wallSessionTaken = true;
        return wallSession;
    }

    /** The wall is down: its session is free again, or null when it is no longer usable (a new one is made). */
    synchronized void returnWallSession(CDPSession session) {
        wallSession = session;
        wallSessionTaken = false;
    }

    /** Whether the window is shown (the user can take over the page). */
    public boolean headed() {
        return headed;
    }

    public boolean isConnected() {
        return !killed && browser.isConnected();
    }

    /** The browser's operating-system process, or empty where it could not be found (Windows). */
    public Optional<BrowserProcess> process() {
        return Optional.ofNullable(process);
    }

    /**
     * Ends the browser's processes at once, from any thread: every Playwright call waiting on one of its pages
     * returns with an error. What a page would have sent next never leaves. Returns false when the process is not
     * known (the browser can then only be closed from the thread that drives it).
     */
    public boolean kill() {
        if (process == null) {
            return false;
        }
        killed = true;
        process.kill();
        return true;
    }

    /** Whether {@link #kill()} ended this browser. */
    public boolean killed() {
        return killed;
    }

    /** Closes the browser and the driver; a Chromium process still running a few seconds later is killed. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process == null ? List.of() : process.tree();
        try {
            if (!killed && browser.isConnected()) {
                browser.close();
            }
        } catch (PlaywrightException e) {
            // The user may have closed the window already; the driver is still ours to stop.
        } finally {
            try {
                playwright.close();
            } catch (PlaywrightException e) {
                // The driver lost its browser (killed): it is gone or going; nothing is left to stop.
            }
            deadEnd.close();
            BrowserProcess.endAll(tree, EXIT_LIMIT);
        }
    }
}
