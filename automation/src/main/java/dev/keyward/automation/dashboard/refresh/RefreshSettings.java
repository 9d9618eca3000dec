package dev.keyward.automation.dashboard.refresh;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a refresh run behaves: how many keys at once, how often to try, how long to wait.
 *
 * @param concurrency          most collections in flight at once (default 4)
 * @param maxAttempts          most attempts per key for 429, 5xx and timeouts, the first included
 *                             ({@code profile_settings.automation_max_retries}, default 3)
 * @param requestTimeout       how long one HTTP request may take (default 15 s)
 * @param backoff              the wait between attempts
 * @param defaultRateLimit     the rate limit of providers without their own
 * @param providerRateLimits   rate limits per provider slug
 */
public record RefreshSettings(
        int concurrency,
        int maxAttempts,
        Duration requestTimeout,
        Backoff backoff,
        RateLimit defaultRateLimit,
        Map<String, RateLimit> providerRateLimits) {

    public RefreshSettings {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("Refresh concurrency must be between 1 and 64.");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("Refresh attempts must be between 1 and 10.");
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!requestTimeout.isPositive()) {
            throw new IllegalArgumentException("The request timeout must be positive.");
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(defaultRateLimit, "defaultRateLimit");
        providerRateLimits = Map.copyOf(providerRateLimits);
    }

    /** 4 at once, 3 attempts, 15 s per request, backoff from 1 s to 30 s, {@link RateLimit#gentle()}. */
    public static RefreshSettings defaults() {
        return new RefreshSettings(4, 3, Duration.ofSeconds(15),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), RateLimit.gentle(), Map.of());
    }

    public RefreshSettings withConcurrency(int newConcurrency) {
        return new RefreshSettings(newConcurrency, maxAttempts, requestTimeout, backoff, defaultRateLimit, providerRateLimits);
    }

    public RefreshSettings withMaxAttempts(int newMaxAttempts) {
        return new RefreshSettings(concurrency, newMaxAttempts, requestTimeout, backoff, defaultRateLimit, providerRateLimits);
    }

    public RefreshSettings withRequestTimeout(Duration newTimeout) {
        return new RefreshSettings(concurrency, maxAttempts, newTimeout, backoff, defaultRateLimit, providerRateLimits);
    }

    public RefreshSettings withRateLimits(RateLimit newDefault, Map<String, RateLimit> newPerProvider) {
        return new RefreshSettings(concurrency, maxAttempts, requestTimeout, backoff, newDefault, newPerProvider);
    }
}
