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
