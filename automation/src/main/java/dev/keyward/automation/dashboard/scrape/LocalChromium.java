package dev.keyward.automation.dashboard.scrape;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal launcher of the system Chromium for dashboard scraping, used until the runner's shared
 * browser launcher is wired in: {@code $KEYWARD_CHROMIUM}, else {@code /usr/bin/chromium} or
 * Chrome; Playwright never downloads a browser of its own.
 */
public final class LocalChromium implements HeadlessBrowser {

    /** Points Keyward at a Chromium or Chrome executable. */
    public static final String ENV_VARIABLE = "KEYWARD_CHROMIUM";

    private static final List<Path> SYSTEM_CANDIDATES = List.of(
            Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"), Path.of("/usr/bin/google-chrome-stable"));

    // Quiet, predictable headless runs: no background traffic, updates, sync or first-run pages.
    private static final List<String> FLAGS = List.of("--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage");

    private final Map<String, String> env;

    public LocalChromium(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Finds Chromium through the process environment. */
    public static LocalChromium forProcess() {
        return new LocalChromium(System.getenv());
    }

    /** The executable that would be launched, if one exists. */
    public Optional<Path> executable() {
        String configured = env.get(ENV_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return SYSTEM_CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    @Override
    public Open launch() {
        Path executable = executable().orElseThrow(() -> new BrowserMissingException(
                "No Chromium was found for dashboard scraping; install the chromium package or set "
                        + ENV_VARIABLE + " to a Chromium or Chrome executable."));
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            List<String> args = new ArrayList<>(FLAGS);
            if ("root".equals(System.getProperty("user.name"))) {
                // Chromium's sandbox refuses to run as root; containers and CI run as root.
                args.add("--no-sandbox");
            }
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(args).setTimeout(60_000));
            return new Open() {
                @Override
                public Browser browser() {
                    return browser;
                }

                @Override
                public void close() {
                    try {
                        browser.close();
                    } finally {
                        playwright.close();
                    }
                }
            };
        } catch (PlaywrightException e) {
            playwright.close();
            throw new BrowserMissingException("Chromium at " + executable + " could not be started ("
                    + e.getClass().getSimpleName() + "); check that it runs, or set " + ENV_VARIABLE + ".");
        }
    }
}
