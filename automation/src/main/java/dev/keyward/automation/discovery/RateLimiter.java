package dev.keyward.automation.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lets each provider be checked at most once per its minimum interval, by the injected clock. Seed it
 * from {@code discovery_search_log} at startup with {@link #recordRun} so restarts keep the pace.
 */
public final class RateLimiter {

    private final Clock clock;
    private final Map<String, Instant> lastRun = new HashMap<>();

    public RateLimiter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** If {@code key} may run now, records this run and returns true; otherwise changes nothing. */
    public synchronized boolean tryAcquire(String key, Duration minInterval) {
        Instant now = clock.instant();
        Instant last = lastRun.get(key);
        if (last != null && now.isBefore(last.plus(minInterval))) {
            return false;
        }
        lastRun.put(key, now);
        return true;
    }

    /** Remembers a run that happened at {@code at}, keeping the later one if a run is already known. */
    public synchronized void recordRun(String key, Instant at) {
        lastRun.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** When {@code key} may run next, if it is not allowed now. */
    public synchronized Optional<Instant> nextAllowedAt(String key, Duration minInterval) {
        Instant last = lastRun.get(key);
        if (last == null) {
            return Optional.empty();
        }
        Instant next = last.plus(minInterval);
        return clock.instant().isBefore(next) ? Optional.of(next) : Optional.empty();
    }
}
