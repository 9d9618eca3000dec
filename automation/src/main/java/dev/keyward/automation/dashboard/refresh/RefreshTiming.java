package dev.keyward.automation.dashboard.refresh;

import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The clock, the way of waiting and the source of jitter a refresher uses; tests inject fakes so
 * that nothing depends on real time.
 *
 * @param clock  stamps {@code collected_at}, drives the rate limits and key-age warnings
 * @param pause  waits for rate limits and backoff
 * @param jitter random numbers in [0, 1) for backoff jitter; called from several threads
 */
public record RefreshTiming(InstantSource clock, Pause pause, DoubleSupplier jitter) {

    public RefreshTiming {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(jitter, "jitter");
    }

    /** The system clock, real sleeping and thread-local randomness. */
    public static RefreshTiming system() {
        return new RefreshTiming(InstantSource.system(), Pause.sleeping(), () -> ThreadLocalRandom.current().nextDouble());
    }
}
