package dev.keyward.automation.dashboard.scrape;

import com.microsoft.playwright.Browser;

/**
 * Starts the headless Chromium the scraper reads dashboards with. The scraper calls it on its own
 * thread and uses the browser only there (Playwright objects belong to the thread that made them).
 */
@FunctionalInterface
public interface HeadlessBrowser {

    /**
     * Launches a browser.
     *
     * @throws BrowserMissingException when no Chromium can be found or started
     */
    Open launch();

    /** A running browser; closing it ends the browser and its Playwright driver. */
    interface Open extends AutoCloseable {
        Browser browser();

        @Override
        void close();
    }

    /** No Chromium could be found or started; the message says what to install or set. */
    final class BrowserMissingException extends RuntimeException {
        public BrowserMissingException(String message) {
            super(message);
        }
    }
}
