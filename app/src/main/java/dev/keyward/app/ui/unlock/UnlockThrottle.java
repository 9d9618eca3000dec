package dev.keyward.app.ui.unlock;

import java.time.Duration;

/**
 * How long the unlock button waits after wrong passwords: the first few tries are free, then
 * the wait doubles up to a ceiling. It slows a person guessing at the keyboard; Argon2id is
 * what protects the vault file itself.
 */
public final class UnlockThrottle {

    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private int failures;

    public UnlockThrottle(int freeFailures, Duration firstDelay, Duration maxDelay) {
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** Two free tries, then 2 s, 4 s, 8 s ... at most 30 s. */
    public static UnlockThrottle standard() {
        return new UnlockThrottle(2, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /** Counts a wrong password and returns how long to wait before the next try. */
    public Duration recordFailure() {
        failures++;
        int over = failures - freeFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(over - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public void recordSuccess() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
