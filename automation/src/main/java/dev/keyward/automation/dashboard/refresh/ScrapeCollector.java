package dev.keyward.automation.dashboard.refresh;

import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.KeyTarget;
import java.time.Duration;

/**
 * Collects a key's dashboard by scraping the provider's web dashboard with its selectors; the app
 * wires the Playwright runner behind it for providers that have no API collector.
 */
public interface ScrapeCollector {

    /** True when scraping is set up for this provider (selectors exist and are not broken). */
    boolean canScrape(String providerSlug);

    /**
     * Scrapes the dashboard for {@code target}; the result's method is {@code scrape}. Like an API
     * collector it reports failures as results, never holds a secret in a message, and its
     * {@link dev.keyward.automation.dashboard.FailureCause} decides whether the refresher retries.
     */
    CollectionResult scrape(KeyTarget target, Duration timeout);

    /** A scraper for no provider, until the app wires the real one. */
    static ScrapeCollector none() {
        return new ScrapeCollector() {
            @Override
            public boolean canScrape(String providerSlug) {
                return false;
            }

            @Override
            public CollectionResult scrape(KeyTarget target, Duration timeout) {
                throw new IllegalStateException("No scraper is configured; canScrape() said so.");
            }
        };
    }
}
