package dev.keyward.automation.dashboard.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.keyward.automation.dashboard.TestClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final TestClock clock = new TestClock("2026-11-10T12:00:00Z");
    private final TokenBucket bucket = new TokenBucket(new RateLimit(3, Duration.ofSeconds(10)), clock);

    @Test
    void fullBucketLetsTheBurstThroughWithoutWaiting() {
        assertEquals(Duration.ZERO, bucket.reserve());
        assertEquals(Duration.ZERO, bucket.reserve());
        assertEquals(Duration.ZERO, bucket.reserve());
    }

    @Test
    void reservationsBeyondTheBurstQueueOneRefillApart() {
        for (int i = 0; i < 3; i++) {
            bucket.reserve();
        }
        assertEquals(Duration.ofSeconds(10), bucket.reserve());
        assertEquals(Duration.ofSeconds(20), bucket.reserve());
    }

    @Test
    void timePassingEarnsTokensBack() {
        for (int i = 0; i < 4; i++) {
            bucket.reserve();
        }
        clock.advance(Duration.ofSeconds(10));
        // The 10 s earned paid for the fourth reservation; the fifth waits a full refill.
        assertEquals(Duration.ofSeconds(10), bucket.reserve());
        clock.advance(Duration.ofSeconds(25));
        assertEquals(Duration.ZERO, bucket.reserve());
        assertEquals(Duration.ofSeconds(5), bucket.reserve());
    }

    @Test
    void aLongQuietSpellRefillsOnlyUpToTheBurst() {
        bucket.reserve();
        clock.advance(Duration.ofDays(400));
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, bucket.reserve());
        }
        assertEquals(Duration.ofSeconds(10), bucket.reserve());
    }

    @Test
    void aClockSteppingBackEarnsNothing() {
        for (int i = 0; i < 3; i++) {
            bucket.reserve();
        }
        clock.advance(Duration.ofSeconds(-60));
        assertEquals(Duration.ofSeconds(10), bucket.reserve());
    }

    @Test
    void eachProviderHasItsOwnBucketThatLastsAcrossCalls() {
        ProviderRateLimits limits = new ProviderRateLimits(new RateLimit(1, Duration.ofSeconds(5)),
                Map.of("github", new RateLimit(2, Duration.ofSeconds(1))), clock);

        assertSame(limits.bucketFor("openai"), limits.bucketFor("openai"));
        assertNotSame(limits.bucketFor("openai"), limits.bucketFor("stripe"));
        assertEquals(Duration.ZERO, limits.bucketFor("openai").reserve());
        assertEquals(Duration.ofSeconds(5), limits.bucketFor("openai").reserve());
        assertEquals(Duration.ZERO, limits.bucketFor("stripe").reserve());
        assertEquals(Duration.ZERO, limits.bucketFor("github").reserve());
        assertEquals(Duration.ZERO, limits.bucketFor("github").reserve());
        assertEquals(Duration.ofSeconds(1), limits.bucketFor("github").reserve());
    }
}
