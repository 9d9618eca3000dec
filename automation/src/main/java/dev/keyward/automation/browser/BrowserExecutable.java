package dev.keyward.automation.browser;

import java.nio.file.Path;

/**
 * A Chromium-family executable the runner can start, and where it was found.
 *
 * @param path   absolute path of the executable
 * @param source which rule of the search order found it
 */
public record BrowserExecutable(Path path, Source source) {

    /** The search order, first match wins. */
    public enum Source {
        /** The environment variable {@code KEYWARD_CHROMIUM}. */
        ENVIRONMENT,
        /** The profile setting {@code browser_executable}. */
        SETTING,
        /** A Chromium or Chrome installed on the system. */
        SYSTEM,
        /** A browser Playwright downloaded earlier into its cache. */
        PLAYWRIGHT_MANAGED
    }
}
