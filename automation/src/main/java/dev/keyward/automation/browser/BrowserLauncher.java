package dev.keyward.automation.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.process.ChildEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Chromium that {@link ChromiumLocator} finds, through Playwright, with the flags an offline
 * desktop needs. Playwright never downloads a browser here: the driver runs with
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} and is always given the executable's path.
 */
public final class BrowserLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserLauncher.class);

    /**
     * The features Playwright 1.49 turns off with its own {@code --disable-features} switch (its
     * {@code chromiumSwitches}: {@code PlzDedicatedWorker} keeps a dedicated worker's requests visible to routing,
     * {@code AvoidUnnecessaryBeforeUnloadCheckSync} keeps {@code beforeunload} answerable, and others). Chromium's
     * command line keeps only the last value of a repeated switch (base::CommandLine), so a second
     * {@code --disable-features} of ours would drop this whole list: {@link #disabledFeatures()} merges both into one
     * switch, and Playwright's own is left out of its defaults ({@link #IGNORED_DEFAULTS}).
     */
    static final List<String> PLAYWRIGHT_DISABLED_FEATURES = List.of("ImprovedCookieControls", "LazyFrameLoading",
            "GlobalMediaControls", "DestroyProfileOnBrowserClose", "MediaRouter", "DialMediaRouteProvider",
            "AcceptCHFrame", "AutoExpandDetailsElement", "CertificateTransparencyComponentUpdater",
            "AvoidUnnecessaryBeforeUnloadCheckSync", "Translate", "HttpsUpgrades", "PaintHolding",
            "ThirdPartyStoragePartitioning", "LensOverlay", "PlzDedicatedWorker");

    /**
     * Features Keyward turns off on top of Playwright's. Local network access checks are off: a page the network
     * gate fetched and fulfilled has no address of its own, so Chromium would count it as public and refuse its
     * WebSocket to a loopback or LAN host on the allowed list; what a page can reach is the allowed list's business
     * (the three walls), not the address space's.
     */
    static final List<String> OWN_DISABLED_FEATURES = List.of("Translate", "OptimizationHints", "MediaRouter",
            "LocalNetworkAccessChecks");

    /**
     * Playwright defaults a run's browser must not have: its {@code --disable-features} (merged into ours instead);
     * {@code --disable-popup-blocking}, so that a page opens a window only from a click or key press, one per
     * gesture (a {@code window.open} loop opens one); and {@code --disable-ipc-flooding-protection}, so that Chromium
     * keeps rate-limiting a page's {@code history.pushState} and {@code location} loops.
     */
    static final List<String> IGNORED_DEFAULTS = List.of(
            "--disable-features=" + String.join(",", PLAYWRIGHT_DISABLED_FEATURES), "--disable-popup-blocking",
            "--disable-ipc-flooding-protection");

    /**
     * Flags for a browser that must not reach out on its own: no background updates, sync, first-run pages
     * or QUIC probes. Without them an offline machine fills the log with refused connections.
     */
    static final List<String> QUIET_FLAGS = List.of("--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps",
            "--no-default-browser-check", disabledFeatures(),
            // Depth behind the init script that removes WebRTC from pages: no UDP that skips the proxy.
            "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
            // Hyperlink auditing off: a link's ping is a POST the browser sends as it navigates, and one clicked
            // from a pagehide listener went out past routing (corpus s21); a chore never needs one.
            "--no-pings",
            // A page that allocates without end crashes its renderer at 1 GiB of script heap (a crash event the
            // run stops at) instead of taking the machine's memory first.
            "--js-flags=--max-old-space-size=1024");

    private static final double LAUNCH_TIMEOUT_MS = 60_000;

    private final ChromiumLocator locator;

    public BrowserLauncher(ChromiumLocator locator) {
        this.locator = locator;
    }

    /** A launcher for this process's environment, honouring a configured path (the profile setting) if any. */
    public static BrowserLauncher withSetting(String configuredExecutable) {
        return new BrowserLauncher(new ChromiumLocator(System.getenv(), configuredExecutable));
    }

    public ChromiumLocator locator() {
        return locator;
    }

    /**
     * Starts a browser.
     *
     * @param headed show a window (the user can watch and take over), else headless
     * @throws BrowserUnavailableException when no browser is found or it does not start
     */
    public LaunchedBrowser launch(boolean headed) {
        return launch(headed, null);
    }

    /**
     * Starts a browser that can resolve only the hosts in {@code limits} (null: no launch-wide limit), so that
     * nothing the pages do, redirects, prefetches and subresources included, reaches another host.
     *
     * @throws BrowserUnavailableException when no browser is found or it does not start
     */
    public LaunchedBrowser launch(boolean headed, HostLimits limits) {
        BrowserExecutable executable = locator.locate();
        Playwright playwright;
        try {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(driverEnvironment()));
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException("The Playwright driver could not start; reinstall Keyward or check"
                    + " that the temporary folder is writable.", e);
        }
        try {
            String marker = BrowserProcess.newMarker();
            List<String> args = new ArrayList<>(arguments(limits));
            args.add(marker);
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable.path())
                    .setHeadless(!headed)
                    .setArgs(args)
                    .setIgnoreDefaultArgs(IGNORED_DEFAULTS)
                    .setEnv(ChildEnvironment.of(locator.environment()))
                    .setTimeout(LAUNCH_TIMEOUT_MS));
            LaunchedBrowser launched = new LaunchedBrowser(playwright, browser, executable, headed, limits,
                    BrowserProcess.find(marker).orElse(null));
            if (launched.process().isEmpty()) {
                LOG.warn("the browser's process could not be found; a page that stops responding cannot be cut off");
            }
            return launched;
        } catch (RuntimeException e) {
            playwright.close();
            throw new BrowserUnavailableException(AutomationErrorKind.BROWSER_NOT_STARTED, ErrorFacts.of(Fact.PATH,
                    executable.path(), Fact.DETAIL, headed ? " (a run with a visible window needs a display)" : ""), e);
        }
    }

    /**
     * What the Playwright driver gets on top of this process's environment. The driver can only
     * add to the environment it inherits, so each credential variable (see {@link ChildEnvironment})
     * is overwritten with the empty string; the browser itself gets the environment without them.
     */
    Map<String, String> driverEnvironment() {
        Map<String, String> inherited = new LinkedHashMap<>(System.getenv());
        inherited.putAll(locator.environment());
        return driverEnvironment(inherited);
    }

    /** {@link #driverEnvironment()} for a driver that inherits {@code inherited}. */
    static Map<String, String> driverEnvironment(Map<String, String> inherited) {
        Map<String, String> env = new LinkedHashMap<>();
        inherited.keySet().stream().filter(ChildEnvironment::isCredential).forEach(name -> env.put(name, ""));
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return env;
    }

    /** Playwright's disabled features and ours, in one {@code --disable-features} switch. */
    static String disabledFeatures() {
        Set<String> all = new LinkedHashSet<>(PLAYWRIGHT_DISABLED_FEATURES);
        all.addAll(OWN_DISABLED_FEATURES);
        return "--disable-features=" + String.join(",", all);
    }

    /** The command-line flags passed to Chromium. */
    static List<String> arguments() {
        return arguments(null);
    }

    static List<String> arguments(HostLimits limits) {
        List<String> args = new ArrayList<>(QUIET_FLAGS);
        if (limits != null) {
            args.add("--host-resolver-rules=" + limits.resolverRules());
        }
        if (runningAsRoot()) {
            // Chromium refuses to start its sandbox as root; containers and CI often run as root.
            args.add("--no-sandbox");
        }
        return args;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
