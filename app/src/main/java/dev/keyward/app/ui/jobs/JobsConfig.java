package dev.keyward.app.ui.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * What the session's background jobs are built with besides the session's services: how often the
 * scheduler looks for due jobs, and the thread that page listeners are called on (each job's work,
 * schedule and time zone are the job catalog's). Tests shorten the tick and call listeners directly.
 *
 * @param tick      how often the scheduler checks for due jobs
 * @param uiThread  where {@link SessionJobs#onFinished} listeners run (the JavaFX thread)
 */
public record JobsConfig(Duration tick, Executor uiThread) {

    public JobsConfig {
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(uiThread, "uiThread");
    }

    /** The desktop's: a check every 30 s, listeners on the JavaFX thread. */
    public static JobsConfig forDesktop() {
        return new JobsConfig(Duration.ofSeconds(30), Platform::runLater);
    }

    public JobsConfig withTick(Duration newTick) {
        return new JobsConfig(newTick, uiThread);
    }

    public JobsConfig withUiThread(Executor newUiThread) {
        return new JobsConfig(tick, newUiThread);
    }
}
