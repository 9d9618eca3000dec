package dev.keyward.automation.dashboard.scrape;

import dev.keyward.automation.browser.BrowserUnavailableException;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.KeyTarget;
import dev.keyward.automation.dashboard.refresh.ScrapeCollector;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Collects dashboards by reading the provider's web console with Playwright and the provider's
 * selectors: read-only (it signs in, opens the dashboard and reads text, nothing else). One
 * browser serves a whole refresh run; every Playwright call happens on this collector's own
 * thread, so scrapes of several keys queue up instead of sharing a page.
 */
public final class PlaywrightScrapeCollector implements ScrapeCollector, AutoCloseable {

    private final Map<String, ScrapePlan> plans;
    private final DashboardPageReader reader;
    private final ExecutorService browserThread;
    private final HeadlessBrowser browser;
    private final String configuredExecutable;
    private HeadlessBrowser.Open open;
    private String launchProblem;

    /**
     * @param plans       the providers this run may scrape, by slug (only usable plans are scraped)
     * @param credentials reads the console sign-in secrets
     * @param check       hears which selectors matched and which broke
     * @param browser     starts Chromium on first use
     * @param configuredExecutable the profile's browser_executable setting, or null
     */
    public PlaywrightScrapeCollector(Map<String, ScrapePlan> plans, ScrapeCredentials credentials, SelectorCheck check,
                                     HeadlessBrowser browser, String configuredExecutable) {
        this.plans = Map.copyOf(plans);
        this.reader = new DashboardPageReader(Objects.requireNonNull(credentials, "credentials"),
                Objects.requireNonNull(check, "check"));
        this.browser = Objects.requireNonNull(browser, "browser");
        this.configuredExecutable = configuredExecutable;
        this.browserThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "keyward-dashboard-scraper");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean canScrape(String providerSlug) {
        ScrapePlan plan = plans.get(providerSlug);
        return plan != null && plan.usable();
    }

    @Override
    public CollectionResult scrape(KeyTarget target, Duration timeout) {
        ScrapePlan plan = plans.get(target.providerSlug());
        if (plan == null) {
            return CollectionResult.failed(CollectionMethod.SCRAPE, HealthStatus.UNKNOWN, FailureCause.BAD_CONFIGURATION,
                    "Scraping is not set up for " + target.providerSlug() + ".");
        }
        // Sign-in, navigation and reading take several page loads; each gets the request timeout.
        Duration budget = timeout.multipliedBy(4);
        Future<CollectionResult> task = browserThread.submit(() -> scrapeOnBrowserThread(plan, timeout));
        try {
            return task.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return CollectionResult.failed(CollectionMethod.SCRAPE, HealthStatus.UNKNOWN, FailureCause.TIMEOUT,
                    "The dashboard of " + plan.providerSlug() + " did not finish loading within "
                            + budget.toSeconds() + " s.");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return CollectionResult.failed(CollectionMethod.SCRAPE, HealthStatus.UNKNOWN, FailureCause.INTERRUPTED,
                    "The refresh was stopped while the dashboard of " + plan.providerSlug() + " was read.");
        } catch (ExecutionException e) {
            return CollectionResult.failed(CollectionMethod.SCRAPE, HealthStatus.UNKNOWN, FailureCause.COLLECTOR_DEFECT,
                    "Reading the dashboard of " + plan.providerSlug() + " failed unexpectedly ("
                            + e.getCause().getClass().getSimpleName() + ").");
        }
    }

    private CollectionResult scrapeOnBrowserThread(ScrapePlan plan, Duration timeout) {
        if (open == null && launchProblem == null) {
            try {
                open = browser.launch(configuredExecutable);
            } catch (BrowserUnavailableException e) {
                launchProblem = e.getMessage();
            } catch (RuntimeException e) {
                launchProblem = "Chromium could not be started for dashboard scraping (" + e.getClass().getSimpleName()
                        + "); install the chromium package or set " + ChromiumLocator.ENV_VARIABLE + ".";
            }
        }
        if (open == null) {
            return CollectionResult.failed(CollectionMethod.SCRAPE, HealthStatus.UNKNOWN, FailureCause.BAD_CONFIGURATION,
                    launchProblem);
        }
        return reader.read(open.browser(), plan, timeout);
    }

    /** Closes the browser (on its own thread) and stops that thread. */
    @Override
    public void close() {
        try {
            browserThread.submit(() -> {
                if (open != null) {
                    open.close();
                    open = null;
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The browser process ends with the JVM at the latest; nothing else holds on to it.
        } finally {
            browserThread.shutdownNow();
        }
    }
}
