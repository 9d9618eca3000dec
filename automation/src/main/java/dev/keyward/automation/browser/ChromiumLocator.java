package dev.keyward.automation.browser;

import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.vault.ErrorFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Chromium the runner starts: {@code KEYWARD_CHROMIUM}, then the profile's
 * {@code browser_executable} setting, then a system Chromium or Chrome, then a browser in Playwright's
 * cache. Nothing is ever downloaded.
 */
public final class ChromiumLocator {

    /** The environment variable that names a browser executable. */
    public static final String ENV_VARIABLE = "KEYWARD_CHROMIUM";

    private static final List<String> UNIX_CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/usr/bin/chrome",
            "/usr/local/bin/chromium", "/usr/local/bin/chrome", "/snap/bin/chromium", "/opt/google/chrome/chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");

    private final Map<String, String> env;
    private final String configured;
    private final List<Path> systemCandidates;
    private final List<Path> playwrightCaches;

    /**
     * @param env        the process environment (for {@code KEYWARD_CHROMIUM}, {@code PLAYWRIGHT_BROWSERS_PATH},
     *                   the Windows program folders)
     * @param configured the profile's {@code browser_executable} setting, or null
     */
    public ChromiumLocator(Map<String, String> env, String configured) {
        this(env, configured, systemCandidates(env), playwrightCaches(env));
    }

    /** A locator with explicit search lists (tests point these at temporary folders). */
    public ChromiumLocator(Map<String, String> env, String configured, List<Path> systemCandidates,
            List<Path> playwrightCaches) {
        this.env = Map.copyOf(env);
        this.configured = configured == null || configured.isBlank() ? null : configured.strip();
        this.systemCandidates = List.copyOf(systemCandidates);
        this.playwrightCaches = List.copyOf(playwrightCaches);
    }

    /** The environment this locator reads; the browser is started with it, minus Keyward's credentials. */
    public Map<String, String> environment() {
        return env;
    }

    /** A locator for this process: its environment and no profile setting. */
    public static ChromiumLocator forProcess() {
        return new ChromiumLocator(System.getenv(), null);
    }

    /**
     * The browser to start.
     *
     * @throws BrowserUnavailableException when a configured path is not an executable file, or nothing is found
     */
    public BrowserExecutable locate() {
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return configuredPath(fromEnv.strip(), BrowserExecutable.Source.ENVIRONMENT,
                    "The environment variable " + ENV_VARIABLE);
        }
        if (configured != null) {
            return configuredPath(configured, BrowserExecutable.Source.SETTING, "The setting browser_executable");
        }
        return find().orElseThrow(() -> new BrowserUnavailableException(AutomationErrorKind.BROWSER_NOT_FOUND, ErrorFacts.NONE));
    }

    /** The first system or Playwright-managed browser, ignoring configured paths; empty when there is none. */
    public Optional<BrowserExecutable> find() {
        for (Path candidate : systemCandidates) {
            if (isExecutableFile(candidate)) {
                return Optional.of(new BrowserExecutable(candidate.toAbsolutePath(), BrowserExecutable.Source.SYSTEM));
            }
        }
        for (Path cache : playwrightCaches) {
            Optional<Path> managed = newestManagedChromium(cache);
            if (managed.isPresent()) {
                return Optional.of(new BrowserExecutable(managed.get(), BrowserExecutable.Source.PLAYWRIGHT_MANAGED));
            }
        }
        return Optional.empty();
    }

    /** Whether any browser can be located, configured paths included. */
    public boolean available() {
        try {
            locate();
            return true;
        } catch (BrowserUnavailableException e) {
            return false;
        }
    }

    private static BrowserExecutable configuredPath(String text, BrowserExecutable.Source source, String what) {
        Path path;
        try {
            path = Path.of(text).toAbsolutePath();
        } catch (RuntimeException e) {
            throw new BrowserUnavailableException(what + " is not a valid path; correct it or clear it.");
        }
        if (!isExecutableFile(path)) {
            throw new BrowserUnavailableException(what + " names " + path
                    + ", which is not an executable file; correct it or clear it to let Keyward search.");
        }
        return new BrowserExecutable(path, source);
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    /** Playwright keeps {@code chromium-<revision>/chrome-<platform>/chrome}; the highest revision wins. */
    private static Optional<Path> newestManagedChromium(Path cache) {
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        try (Stream<Path> revisions = Files.list(cache)) {
            return revisions
                    .filter(p -> p.getFileName().toString().matches("chromium-\\d+"))
                    .sorted(Comparator.comparingInt((Path p) ->
                            Integer.parseInt(p.getFileName().toString().substring("chromium-".length()))).reversed())
                    .flatMap(revision -> managedExecutables(revision).stream())
                    .filter(ChromiumLocator::isExecutableFile)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> managedExecutables(Path revision) {
        return List.of(revision.resolve("chrome-linux/chrome"), revision.resolve("chrome-linux64/chrome"),
                revision.resolve("chrome-mac/Chromium.app/Contents/MacOS/Chromium"),
                revision.resolve("chrome-win/chrome.exe"));
    }

    private static List<Path> systemCandidates(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            for (String root : new String[] {env.get("ProgramFiles"), env.get("ProgramFiles(x86)"), env.get("LOCALAPPDATA")}) {
                if (root != null) {
                    out.add(Path.of(root, "Google", "Chrome", "Application", "chrome.exe"));
                    out.add(Path.of(root, "Chromium", "Application", "chrome.exe"));
                }
            }
            return out;
        }
        UNIX_CANDIDATES.forEach(c -> out.add(Path.of(c)));
        return out;
    }

    private static List<Path> playwrightCaches(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        String explicit = env.get("PLAYWRIGHT_BROWSERS_PATH");
        if (explicit != null && !explicit.isBlank() && !explicit.equals("0")) {
            out.add(Path.of(explicit));
        }
        Path home = Path.of(System.getProperty("user.home"));
        out.add(home.resolve(".cache/ms-playwright"));
        out.add(home.resolve("Library/Caches/ms-playwright"));
        String localAppData = env.get("LOCALAPPDATA");
        if (localAppData != null) {
            out.add(Path.of(localAppData, "ms-playwright"));
        }
        return out;
    }
}
