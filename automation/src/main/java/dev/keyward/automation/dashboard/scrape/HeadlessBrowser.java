package dev.keyward.automation.dashboard.scrape;

import com.microsoft.playwright.Browser;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.BrowserUnavailableException;
import dev.keyward.automation.browser.LaunchedBrowser;

/**
 * Starts the headless Chromium the scraper reads dashboards with. The scraper calls it on its own
 * thread and uses the browser only there (Playwright objects belong to the thread that made them).
 */
@FunctionalInterface
public interface HeadlessBrowser {

    /**
     * Launches a browser.
     *
     * @param configuredExecutable the profile's {@code browser_executable} setting, or null to search
     * @throws BrowserUnavailableException when no Chromium can be found or started
     */
    Open launch(String configuredExecutable);

    /** A running browser; closing it ends the browser and its Playwright driver. */
    interface Open extends AutoCloseable {
        Browser browser();

        @Override
        void close();
    }

    /** The runner's launcher: the configured executable, $KEYWARD_CHROMIUM or a system Chromium, headless. */
    static HeadlessBrowser system() {
        return configured -> {
            LaunchedBrowser launched = BrowserLauncher.withSetting(configured).launch(false);
            return new Open() {
                @Override
                public Browser browser() {
                    return launched.browser();
                }

                @Override
                public void close() {
                    launched.close();
                }
            };
        };
    }
}
