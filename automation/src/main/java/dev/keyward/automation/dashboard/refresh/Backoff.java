package dev.keyward.automation.dashboard.refresh;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with "equal jitter": before retry n the wait is half of
 * {@code min(max, base * 2^(n-1))} plus a random share of the other half, so clients that failed
 * together do not retry together.
 *
 * @param base the wait before the first retry, before jitter
 * @param max  the longest wait, before jitter
 */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || max.compareTo(base) < 0 || max.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("Backoff needs 0 <= base <= max <= one day.");
        }
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param unitRandom a random number in [0, 1)
     */
    public Duration delayBefore(int retry, double unitRandom) {
        if (retry < 1) {
            throw new IllegalArgumentException("Retries are numbered from 1.");
        }
        if (!(unitRandom >= 0 && unitRandom < 1)) {
            throw new IllegalArgumentException("The jitter must be a number in [0, 1).");
        }
        Duration ceiling = max;
        // 2^30 times any sane base is beyond max; stopping there avoids overflow.
        if (retry <= 31) {
            Duration grown = base.multipliedBy(1L << (retry - 1));
            if (grown.compareTo(max) < 0) {
                ceiling = grown;
            }
        }
        long half = ceiling.toNanos() / 2;
        return Duration.ofNanos(half + (long) ((ceiling.toNanos() - half) * unitRandom));
    }
}
