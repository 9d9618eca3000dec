package dev.keyward.automation.dashboard.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshSettingsTest {

    @Test
    void defaultsAreFourAtOnceAndThreeAttempts() {
        RefreshSettings defaults = RefreshSettings.defaults();
        assertEquals(4, defaults.concurrency());
        assertEquals(3, defaults.maxAttempts());
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        RefreshSettings defaults = RefreshSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withConcurrency(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withRequestTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, Duration.ofSeconds(1)));
    }
}
