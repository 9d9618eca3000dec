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
import java.util.List;
import java.util.Map;

/**
 * Starts the Chromium that {@link ChromiumLocator} finds, through Playwright, with the flags an offline
 * desktop needs. Playwright never downloads a browser here: the driver runs with
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} and is always given the executable's path.
 */
public final class BrowserLauncher {

    /**
     * Flags for a browser that must not reach out on its own: no background updates, sync, first-run pages
     * or QUIC probes. Without them an offline machine fills the log with refused connections. Local network
     * access checks are off: a page the network gate fetched and fulfilled has no address of its own, so Chromium
     * would count it as public and refuse its WebSocket to a loopback or LAN host on the allowed list; what a page
     * can reach is the allowed list's business (the three walls), not the address space's.
     */
    static final List<String> QUIET_FLAGS = List.of("--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps",
            "--no-default-browser-check", "--disable-features=Translate,OptimizationHints,MediaRouter,LocalNetworkAccessChecks",
            // Depth behind the init script that removes WebRTC from pages: no UDP that skips the proxy.
            "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
            // Hyperlink auditing off: a link's ping is a POST the browser sends as it navigates, and one clicked
            // from a pagehide listener went out past routing (corpus s21); a chore never needs one.
            "--no-pings");

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
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable.path())
                    .setHeadless(!headed)
                    .setArgs(arguments(limits))
                    .setEnv(ChildEnvironment.of(locator.environment()))
                    .setTimeout(LAUNCH_TIMEOUT_MS));
            return new LaunchedBrowser(playwright, browser, executable, headed, limits);
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
