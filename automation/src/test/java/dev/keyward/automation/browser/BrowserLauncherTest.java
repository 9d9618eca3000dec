package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.keyward.automation.practice.PracticeCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BrowserLauncherTest {

    @TempDir
    Path dir;

    @Test
    @RequiresChromium
    void launchedChromiumOpensAPracticeCloudPage() throws IOException {
        try (PracticeCloud cloud = PracticeCloud.start(0);
             LaunchedBrowser browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false);
             BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(cloud.baseUrl() + "/login");
            assertTrue(page.locator("#username").isVisible());
            assertTrue(browser.isConnected());
        }
    }

    @Test
    void environmentVariableWinsOverSettingAndSystem() throws IOException {
        Path fromEnv = executable("env-chrome");
        Path fromSetting = executable("setting-chrome");
        Path system = executable("system-chrome");
        ChromiumLocator locator = new ChromiumLocator(Map.of(ChromiumLocator.ENV_VARIABLE, fromEnv.toString()),
                fromSetting.toString(), List.of(system), List.of());
        assertEquals(new BrowserExecutable(fromEnv, BrowserExecutable.Source.ENVIRONMENT), locator.locate());
    }

    @Test
    void settingWinsOverSystemBrowser() throws IOException {
        Path fromSetting = executable("setting-chrome");
        ChromiumLocator locator = new ChromiumLocator(Map.of(), fromSetting.toString(),
                List.of(executable("system-chrome")), List.of());
        assertEquals(BrowserExecutable.Source.SETTING, locator.locate().source());
    }

    @Test
    void systemBrowserIsUsedBeforePlaywrightCache() throws IOException {
        Path cache = dir.resolve("ms-playwright");
        Files.createDirectories(cache.resolve("chromium-1140/chrome-linux"));
        executableAt(cache.resolve("chromium-1140/chrome-linux/chrome"));
        Path system = executable("chromium");
        assertEquals(BrowserExecutable.Source.SYSTEM,
                new ChromiumLocator(Map.of(), null, List.of(dir.resolve("missing"), system), List.of(cache)).locate().source());
    }

    @Test
    void newestPlaywrightManagedChromiumIsFoundWhenNothingElseIs() throws IOException {
        Path cache = dir.resolve("ms-playwright");
        for (String revision : List.of("chromium-999", "chromium-1140")) {
            Files.createDirectories(cache.resolve(revision + "/chrome-linux"));
            executableAt(cache.resolve(revision + "/chrome-linux/chrome"));
        }
        BrowserExecutable found = new ChromiumLocator(Map.of(), null, List.of(), List.of(cache)).locate();
        assertEquals(BrowserExecutable.Source.PLAYWRIGHT_MANAGED, found.source());
        assertTrue(found.path().toString().contains("chromium-1140"), found.path().toString());
    }

    @Test
    void missingBrowserIsReportedWithWhatToDo() {
        ChromiumLocator locator = new ChromiumLocator(Map.of(), null, List.of(dir.resolve("none")), List.of(dir));
        BrowserUnavailableException e = assertThrows(BrowserUnavailableException.class, locator::locate);
        assertTrue(e.getMessage().contains("apt-get install chromium") && e.getMessage().contains("KEYWARD_CHROMIUM"),
                e.getMessage());
        assertFalse(locator.available());
    }

    @Test
    void configuredPathThatIsNotExecutableIsAnErrorNotASilentFallback() throws IOException {
        Path plain = Files.writeString(dir.resolve("not-a-browser"), "text");
        ChromiumLocator locator = new ChromiumLocator(Map.of(ChromiumLocator.ENV_VARIABLE, plain.toString()), null,
                List.of(executable("system-chrome")), List.of());
        BrowserUnavailableException e = assertThrows(BrowserUnavailableException.class, locator::locate);
        assertTrue(e.getMessage().contains("KEYWARD_CHROMIUM") && e.getMessage().contains("not an executable"), e.getMessage());
    }

    @Test
    void playwrightsDisabledFeaturesAndKeywardsAreMergedIntoOneSwitch() {
        List<String> switches = BrowserLauncher.arguments().stream().filter(a -> a.startsWith("--disable-features=")).toList();
        assertEquals(1, switches.size(), switches.toString());
        List<String> features = List.of(switches.getFirst().substring("--disable-features=".length()).split(","));
        assertTrue(features.containsAll(BrowserLauncher.PLAYWRIGHT_DISABLED_FEATURES), features.toString());
        assertTrue(features.containsAll(List.of("PlzDedicatedWorker", "LocalNetworkAccessChecks", "OptimizationHints")),
                features.toString());
        assertEquals(features.stream().distinct().toList(), features, "each feature once");
        // Playwright's own switch is the one left out of its defaults, spelled exactly as Playwright 1.49 passes it.
        assertTrue(BrowserLauncher.IGNORED_DEFAULTS.contains("--disable-features=" + String.join(",",
                BrowserLauncher.PLAYWRIGHT_DISABLED_FEATURES)));
    }

    /**
     * The real command line of the launched browser ({@code /proc/PID/cmdline}): Chromium keeps only the last value
     * of a repeated switch, so there must be exactly one {@code --disable-features}, holding Playwright's list and
     * Keyward's; and neither of the Playwright defaults that let a page flood the browser.
     */
    @Test
    @RequiresChromium
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theLaunchedBrowsersCommandLineHasOneDisableFeaturesSwitchWithBothLists() throws IOException {
        try (PracticeCloud cloud = PracticeCloud.start(0);
             LaunchedBrowser browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false)) {
            long pid = browser.process().orElseThrow().pid();
            List<String> argv = List.of(ChromiumProcesses.commandLine(pid).split(" "));
            List<String> switches = argv.stream().filter(a -> a.startsWith("--disable-features=")).toList();
            assertEquals(1, switches.size(), "one --disable-features switch: " + switches);
            List<String> features = List.of(switches.getFirst().substring("--disable-features=".length()).split(","));
            assertTrue(features.containsAll(BrowserLauncher.PLAYWRIGHT_DISABLED_FEATURES), features.toString());
            assertTrue(features.containsAll(BrowserLauncher.OWN_DISABLED_FEATURES), features.toString());
            assertFalse(argv.contains("--disable-popup-blocking"), argv.toString());
            assertFalse(argv.contains("--disable-ipc-flooding-protection"), argv.toString());
            assertTrue(argv.contains("--no-pings"), "Keyward's own flags are there: " + argv);

            // What Chromium made of it: the browser hands its effective feature overrides to each renderer on the
            // renderer's command line. With two switches, only the last one's features were there.
            browser.newContext().newPage().navigate(cloud.baseUrl() + "/login");
            List<String> renderer = ChromiumProcesses.group(pid).stream().map(ChromiumProcesses::commandLine)
                    .filter(line -> line.contains("--type=renderer")).findFirst()
                    .map(line -> List.of(line.split(" "))).orElseThrow();
            List<String> effective = renderer.stream().filter(a -> a.startsWith("--disable-features="))
                    .flatMap(a -> List.of(a.substring("--disable-features=".length()).split(",")).stream()).toList();
            assertTrue(effective.containsAll(List.of("PlzDedicatedWorker", "AvoidUnnecessaryBeforeUnloadCheckSync",
                    "ThirdPartyStoragePartitioning", "LocalNetworkAccessChecks", "OptimizationHints")),
                    "features in effect: " + effective);
        }
    }

    @Test
    @RequiresChromium
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void killingTheBrowserEndsEveryOneOfItsProcessesFromAnotherThread() throws Exception {
        try (PracticeCloud cloud = PracticeCloud.start(0);
             LaunchedBrowser browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false)) {
            BrowserContext context = browser.newContext();
            Page page = context.newPage();
            page.navigate(cloud.baseUrl() + "/login");
            long pid = browser.process().orElseThrow().pid();
            assertTrue(ChromiumProcesses.group(pid).size() > 1, "a browser and its helpers are running");

            Thread killer = Thread.startVirtualThread(browser::kill);
            killer.join();

            assertEquals(java.util.Set.of(), ChromiumProcesses.awaitGroupGone(pid, java.time.Duration.ofSeconds(10)));
            assertFalse(browser.isConnected());
            assertTrue(browser.killed());
        }
    }

    @Test
    @RequiresChromium
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void closingTheBrowserLeavesNoChromiumProcess() throws IOException {
        long pid;
        try (PracticeCloud cloud = PracticeCloud.start(0);
             LaunchedBrowser browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false)) {
            browser.newContext().newPage().navigate(cloud.baseUrl() + "/login");
            pid = browser.process().orElseThrow().pid();
        }
        assertEquals(java.util.Set.of(), ChromiumProcesses.awaitGroupGone(pid, java.time.Duration.ofSeconds(10)));
    }

    @Test
    void offlineFlagsArePassed() {
        List<String> args = BrowserLauncher.arguments();
        assertTrue(args.containsAll(List.of("--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--no-pings")), args.toString());
        assertEquals("root".equals(System.getProperty("user.name")), args.contains("--no-sandbox"));
    }

    private Path executable(String name) throws IOException {
        return executableAt(dir.resolve(name));
    }

    private static Path executableAt(Path path) throws IOException {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
