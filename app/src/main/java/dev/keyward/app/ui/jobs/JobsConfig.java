package dev.keyward.app.ui.jobs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * What the session's background jobs are built with besides the session: the user's time zone,
 * how often the scheduler looks for due jobs, and the thread that page listeners are called on (the
 * dashboard's and discovery's limits are the session services'). Tests shorten the tick and call listeners directly.
 *
 * @param zone      quiet hours and the discovery hour are judged here
 * @param tick      how often the scheduler checks for due jobs
 * @param uiThread  where {@link SessionJobs#onFinished} listeners run (the JavaFX thread)
 */
public record JobsConfig(ZoneId zone, Duration tick, Executor uiThread) {

    public JobsConfig {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(uiThread, "uiThread");
    }

    /** The desktop's: the system time zone, a check every 30 s, listeners on the JavaFX thread. */
    public static JobsConfig forDesktop() {
        return new JobsConfig(ZoneId.systemDefault(), Duration.ofSeconds(30), Platform::runLater);
    }

    public JobsConfig withTick(Duration newTick) {
        return new JobsConfig(zone, newTick, uiThread);
    }

    public JobsConfig withUiThread(Executor newUiThread) {
        return new JobsConfig(zone, tick, newUiThread);
    }
}
