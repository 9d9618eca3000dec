package dev.keyward.automation.dashboard.refresh;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast Keyward may call one provider: a burst of {@code burst} requests, then one per {@code refillEvery}.
 *
 * @param burst       how many requests may go out at once after a quiet spell (the bucket's capacity)
 * @param refillEvery the time that earns one more request
 */
public record RateLimit(int burst, Duration refillEvery) {

    public RateLimit {
        Objects.requireNonNull(refillEvery, "refillEvery");
        if (burst < 1 || burst > 10_000) {
            throw new IllegalArgumentException("A rate limit's burst must be between 1 and 10000 requests.");
        }
        if (!refillEvery.isPositive() || refillEvery.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("A rate limit's refill time must be positive and at most one day.");
        }
    }

    /** Four requests at once, then one per second: gentle enough for every provider Keyward knows. */
    public static RateLimit gentle() {
        return new RateLimit(4, Duration.ofSeconds(1));
    }
}
