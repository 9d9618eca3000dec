package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.collect.ProviderHttp;
import dev.keyward.automation.dashboard.refresh.RateLimit;
import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.dashboard.refresh.RefreshTiming;
import dev.keyward.automation.dashboard.scrape.HeadlessBrowser;
import dev.keyward.automation.net.FetchSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a dashboard refresh that are not profile settings: the HTTP client, concurrency,
 * timeouts and rate limits, the clock, the browser for scraping and the status-page fetch limits.
 * Tests and benchmarks replace them; the app uses {@link #defaults()}.
 *
 * @param http        sends the collectors' requests
 * @param refresh     concurrency, timeout, backoff and rate limits (attempts come from
 *                    {@code automation_max_retries})
 * @param timing      clock, waiting and jitter
 * @param browser     starts Chromium for scraping
 * @param statusFetch limits of the status-page fetch
 */
public record DashboardConfig(ProviderHttp http, RefreshSettings refresh, RefreshTiming timing, HeadlessBrowser browser,
                              FetchSettings statusFetch) {

    public DashboardConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(statusFetch, "statusFetch");
    }

    /** The system clock, real sleeping, the default HTTP client, system Chromium, 15 s per request. */
    public static DashboardConfig defaults() {
        return defaults(ProviderHttp.withDefaultClient());
    }

    /** The defaults over {@code http} (a session shares one client among its services and closes it). */
    public static DashboardConfig defaults(ProviderHttp http) {
        return new DashboardConfig(http, RefreshSettings.defaults(), RefreshTiming.system(),
                HeadlessBrowser.system(), FetchSettings.defaults().withTotalTimeout(Duration.ofSeconds(15)));
    }

    public DashboardConfig withTiming(RefreshTiming newTiming) {
        return new DashboardConfig(http, refresh, newTiming, browser, statusFetch);
    }

    public DashboardConfig withRefresh(RefreshSettings newRefresh) {
        return new DashboardConfig(http, newRefresh, timing, browser, statusFetch);
    }

    public DashboardConfig withRateLimits(RateLimit fallback, Map<String, RateLimit> perProvider) {
        return withRefresh(refresh.withRateLimits(fallback, perProvider));
    }

    public DashboardConfig withBrowser(HeadlessBrowser newBrowser) {
        return new DashboardConfig(http, refresh, timing, newBrowser, statusFetch);
    }
}
