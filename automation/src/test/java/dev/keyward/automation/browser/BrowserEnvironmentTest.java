package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Chromium Keyward starts gets the process environment without Keyward's credential variables. */
class BrowserEnvironmentTest {

    private static final String CANARY = "browser-env-canary-3b7e";

    @Test
    @RequiresChromium
    void chromiumIsStartedWithTheEnvironmentMinusCredentials() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads /proc/<pid>/environ (Linux)");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("KEYWARD_PASSWORD", CANARY);
        env.put("KEYWARD_RECOVERY_CODE", CANARY + "-code");
        env.put("KEYWARD_ENV_MARKER", "passed-through");
        try (LaunchedBrowser browser = new BrowserLauncher(new ChromiumLocator(env, null)).launch(false)) {
            assertTrue(browser.isConnected());
            List<ProcessHandle> chromium = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").contains("chrom")).toList();
            // The browser process Playwright started (it talks to the driver over a pipe); its helpers
            // (zygote, renderers) may be started by Chromium with a smaller environment.
            List<ProcessHandle> main = chromium.stream()
                    .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0])).contains("--remote-debugging-pipe"))
                    .toList();
            assertFalse(main.isEmpty(), "found the browser process among " + chromium.size());
            for (ProcessHandle p : main) {
                assertTrue(environ(p.pid()).contains("KEYWARD_ENV_MARKER=passed-through"),
                        "the browser got the environment Keyward built");
            }
            for (ProcessHandle p : chromium) {
                assertFalse(environ(p.pid()).contains(CANARY), "no credential reached any browser process");
            }
        }
    }

    /**
     * The Playwright driver inherits this JVM's environment and can only add to it, so every
     * credential variable it would inherit is overwritten with the empty string.
     */
    @Test
    void theDriverEnvironmentBlanksEveryCredentialItWouldInherit() {
        Map<String, String> inherited = new HashMap<>();
        inherited.put("KEYWARD_PASSWORD", CANARY);
        inherited.put("KEYWARD_NEW_PASSWORD", CANARY);
        inherited.put("KEYWARD_RECOVERY_CODE", CANARY);
        inherited.put("KEYWARD_API_TOKEN", CANARY);
        inherited.put("PATH", "/usr/bin");
        Map<String, String> driver = BrowserLauncher.driverEnvironment(inherited);
        for (String name : List.of("KEYWARD_PASSWORD", "KEYWARD_NEW_PASSWORD", "KEYWARD_RECOVERY_CODE", "KEYWARD_API_TOKEN")) {
            assertEquals("", driver.get(name), name + " is blanked for the driver");
        }
        assertFalse(driver.containsKey("PATH"), "other variables are inherited unchanged");
        assertEquals("1", driver.get("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"));
        assertFalse(driver.containsValue(CANARY));
    }

    @Test
    void theLaunchersDriverEnvironmentCoversTheLocatorsEnvironment() {
        Map<String, String> env = Map.of("KEYWARD_PASSWORD", CANARY, "KEYWARD_ENV_MARKER", "kept");
        Map<String, String> driver = new BrowserLauncher(new ChromiumLocator(env, null)).driverEnvironment();
        assertEquals("", driver.get("KEYWARD_PASSWORD"));
        assertFalse(driver.containsValue(CANARY));
    }

    private static String environ(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
