package dev.keyward.automation.dashboard.refresh;

import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.KeyTarget;
import dev.keyward.automation.dashboard.collect.CollectorCatalog;
import dev.keyward.automation.dashboard.collect.CollectorRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Collects one key by the first path that exists (API collector, else scraper, else the cached last
 * snapshot), within the provider's rate limit, the shared concurrency bound and the retry budget.
 */
final class KeyCollection {

    /** A collection result and how many attempts it took. */
    record Attempted(CollectionResult result, int attempts) {
    }

    private final CollectorCatalog catalog;
    private final RefreshSeams seams;
    private final RefreshSettings settings;
    private final RefreshTiming timing;
    private final ProviderRateLimits rateLimits;
    private final Semaphore inFlight;

    KeyCollection(CollectorCatalog catalog, RefreshSeams seams, RefreshSettings settings, RefreshTiming timing) {
        this.catalog = catalog;
        this.seams = seams;
        this.settings = settings;
        this.timing = timing;
        this.rateLimits = new ProviderRateLimits(settings.defaultRateLimit(), settings.providerRateLimits(), timing.clock());
        this.inFlight = new Semaphore(settings.concurrency(), true);
    }

    Attempted collect(KeyTarget target) throws InterruptedException {
        String slug = target.providerSlug();
        Optional<CollectorCatalog.Entry> api = catalog.find(slug);
        if (api.isPresent()) {
            return viaApi(target, api.get());
        }
        if (seams.scraper().canScrape(slug)) {
            return withRetries(slug, CollectionMethod.SCRAPE,
                    () -> seams.scraper().scrape(target, settings.requestTimeout()));
        }
        return new Attempted(CachedResults.from(seams.lastSnapshots().lastGood(target.secretId()), slug), 0);
    }

    private Attempted viaApi(KeyTarget target, CollectorCatalog.Entry entry) throws InterruptedException {
        URI base = target.apiBaseUrl() != null ? target.apiBaseUrl() : entry.defaultBaseUrl();
        if (base == null) {
            return new Attempted(CollectionResult.failed(CollectionMethod.API, HealthStatus.UNKNOWN,
                    FailureCause.BAD_CONFIGURATION, "No API base URL is set for " + target.providerSlug()
                            + "; set it in the provider settings."), 0);
        }
        char[] key = readKey(target.secretId());
        if (key == null) {
            return new Attempted(CollectionResult.failed(CollectionMethod.API, HealthStatus.UNKNOWN,
                    FailureCause.KEY_UNAVAILABLE,
                    "The key could not be read from the vault; unlock the vault and refresh again."), 0);
        }
        try (CollectorRequest request = new CollectorRequest(target.providerSlug(), base, key, settings.requestTimeout())) {
            return withRetries(target.providerSlug(), CollectionMethod.API, () -> entry.collector().collect(request));
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    private char[] readKey(String secretId) {
        try {
            return seams.secrets().readValue(secretId);
        } catch (RuntimeException e) {
            // The exception may describe the secret; it is dropped and the result says what to do.
            return null;
        }
    }

    private Attempted withRetries(String slug, CollectionMethod method, Supplier<CollectionResult> once)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            timing.pause().pause(rateLimits.bucketFor(slug).reserve());
            CollectionResult result;
            inFlight.acquire();
            try {
                result = guarded(method, once);
            } finally {
                inFlight.release();
            }
            if (!result.cause().retryable() || attempt >= settings.maxAttempts()) {
                return new Attempted(result, attempt);
            }
            timing.pause().pause(settings.backoff().delayBefore(attempt, jitter()));
        }
    }

    private static CollectionResult guarded(CollectionMethod method, Supplier<CollectionResult> once) {
        try {
            return once.get();
        } catch (RuntimeException e) {
            // Collectors report failures as results; an exception is a defect, named by its type only.
            return CollectionResult.failed(method, HealthStatus.UNKNOWN, FailureCause.COLLECTOR_DEFECT,
                    "The collector stopped with an internal error (" + e.getClass().getSimpleName()
                            + "); please report this.");
        }
    }

    private double jitter() {
        double value = timing.jitter().getAsDouble();
        return value >= 0 && value < 1 ? value : 0.5;
    }
}
