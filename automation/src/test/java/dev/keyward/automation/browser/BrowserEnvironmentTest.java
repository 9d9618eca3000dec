package dev.keyward.automation.browser;

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

    private static String environ(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
