package dev.keyward.automation.dashboard.refresh;

import java.time.Duration;

/** Waits for a duration; tests replace the real sleep with one that only records or moves a fake clock. */
@FunctionalInterface
public interface Pause {

    void pause(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread. */
    static Pause sleeping() {
        return duration -> {
            if (duration.isPositive()) {
                Thread.sleep(duration);
            }
        };
    }
}
