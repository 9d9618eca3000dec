package dev.keyward.app.ui.unlock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnlockThrottleTest {

    @Test
    void firstTriesAreFreeThenTheWaitDoublesUpToTheCeiling() {
        UnlockThrottle t = UnlockThrottle.standard();
        assertEquals(Duration.ZERO, t.recordFailure());
        assertEquals(Duration.ZERO, t.recordFailure());
        assertEquals(Duration.ofSeconds(2), t.recordFailure());
        assertEquals(Duration.ofSeconds(4), t.recordFailure());
        assertEquals(Duration.ofSeconds(8), t.recordFailure());
        assertEquals(Duration.ofSeconds(16), t.recordFailure());
        assertEquals(Duration.ofSeconds(30), t.recordFailure());
        for (int i = 0; i < 100; i++) {
            t.recordFailure();
        }
        assertEquals(Duration.ofSeconds(30), t.recordFailure());
    }

    @Test
    void successStartsCountingAgain() {
        UnlockThrottle t = UnlockThrottle.standard();
        t.recordFailure();
        t.recordFailure();
        t.recordFailure();
        t.recordSuccess();
        assertEquals(0, t.failures());
        assertEquals(Duration.ZERO, t.recordFailure());
    }
}
