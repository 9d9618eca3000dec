package dev.keyward.automation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = MutableClock.atTestNow();
    private final RateLimiter limiter = new RateLimiter(clock);

    @Test
    void secondRunWithinTheIntervalIsRefusedAndAllowedOnceItPasses() {
        Duration hour = Duration.ofHours(1);

        assertTrue(limiter.tryAcquire("acme", hour));
        clock.advance(Duration.ofMinutes(30));
        assertFalse(limiter.tryAcquire("acme", hour));
        assertEquals(Optional.of(MutableClock.TEST_NOW.plus(hour)), limiter.nextAllowedAt("acme", hour));
        clock.advance(Duration.ofMinutes(30));
        assertTrue(limiter.tryAcquire("acme", hour));
    }

    @Test
    void providersAreLimitedIndependently() {
        assertTrue(limiter.tryAcquire("acme", Duration.ofHours(1)));
        assertTrue(limiter.tryAcquire("beta", Duration.ofHours(1)));
    }

    @Test
    void runsRecordedFromTheSearchLogCountAfterARestart() {
        limiter.recordRun("acme", MutableClock.TEST_NOW.minus(Duration.ofMinutes(10)));

        assertFalse(limiter.tryAcquire("acme", Duration.ofHours(1)));
        assertTrue(limiter.tryAcquire("acme", Duration.ofMinutes(5)));
    }
}
