package dev.keyward.packaging;

import com.microsoft.playwright.Playwright;
import java.util.Map;

/**
 * Started by {@link PackagedLauncherIT} on the packaged runtime and jars: starts Playwright's
 * driver (Node.js, unpacked from the trimmed bundle) without downloading browsers, then stops it.
 */
public final class DriverProbe {

    private DriverProbe() {
    }

    public static void main(String[] args) {
        Playwright.CreateOptions options = new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        try (Playwright playwright = Playwright.create(options)) {
            System.out.println("driver started; chromium would be " + playwright.chromium().name());
        }
    }
}
