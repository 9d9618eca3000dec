package dev.keyward.automation.dashboard.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void waitDoublesWithEachRetryBetweenHalfAndAllOfTheCeiling() {
        Random random = new Random(7);
        for (int retry = 1; retry <= 5; retry++) {
            Duration ceiling = Duration.ofSeconds(1L << (retry - 1));
            for (int sample = 0; sample < 200; sample++) {
                Duration delay = backoff.delayBefore(retry, random.nextDouble());
                assertTrue(delay.compareTo(ceiling.dividedBy(2)) >= 0, "retry " + retry + ": " + delay);
                assertTrue(delay.compareTo(ceiling) <= 0, "retry " + retry + ": " + delay);
            }
        }
    }

    @Test
    void jitterSpreadsTheWaitAcrossTheUpperHalf() {
        assertEquals(Duration.ofMillis(2000), backoff.delayBefore(3, 0.0));
        assertEquals(Duration.ofMillis(3000), backoff.delayBefore(3, 0.5));
    }

    @Test
    void waitNeverExceedsTheMaximum() {
        assertEquals(Duration.ofSeconds(15), backoff.delayBefore(6, 0.0));
        assertEquals(Duration.ofSeconds(15), backoff.delayBefore(1000, 0.0));
        assertTrue(backoff.delayBefore(1000, 0.9999).compareTo(Duration.ofSeconds(30)) <= 0);
    }

    @Test
    void retriesAreNumberedFromOne() {
        assertThrows(IllegalArgumentException.class, () -> backoff.delayBefore(0, 0.5));
    }
}
