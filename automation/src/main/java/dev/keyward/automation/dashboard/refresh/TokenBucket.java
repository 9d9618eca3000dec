package dev.keyward.automation.dashboard.refresh;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A token bucket over an injectable clock. Callers reserve a token and are told how long to wait
 * before using it, so waiting happens outside the bucket's lock and reservations keep their order.
 */
public final class TokenBucket {

    private final long costNanos;
    private final long capacityNanos;
    private final InstantSource clock;
    // Credit in nanoseconds of refill time; negative while reservations wait for tokens not yet earned.
    private long creditNanos;
    private Instant lastRefill;

    /** A full bucket for {@code limit}. */
    public TokenBucket(RateLimit limit, InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.costNanos = limit.refillEvery().toNanos();
        this.capacityNanos = costNanos * limit.burst();
        this.creditNanos = capacityNanos;
        this.lastRefill = clock.instant();
    }

    /** Takes one token, returning how long to wait before it may be used ({@link Duration#ZERO} if now). */
    public synchronized Duration reserve() {
        refill();
        creditNanos -= costNanos;
        return creditNanos >= 0 ? Duration.ZERO : Duration.ofNanos(-creditNanos);
    }

    private void refill() {
        Instant now = clock.instant();
        if (!now.isAfter(lastRefill)) {
            // A clock that stands still or steps back earns nothing.
            return;
        }
        Duration elapsed = Duration.between(lastRefill, now);
        lastRefill = now;
        // Capping the elapsed time keeps the sum far from overflow; anything beyond it refills fully anyway.
        long cap = capacityNanos - Math.min(0, creditNanos);
        long earned = elapsed.compareTo(Duration.ofNanos(cap)) >= 0 ? cap : elapsed.toNanos();
        creditNanos = Math.min(capacityNanos, creditNanos + earned);
    }
}
