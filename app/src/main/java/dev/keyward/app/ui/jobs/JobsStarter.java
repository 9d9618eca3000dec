package dev.keyward.app.ui.jobs;

import dev.keyward.app.session.SessionServices;
import dev.keyward.app.ui.tray.Notifier;

/**
 * How the shell starts an unlocked session's background jobs; called off the JavaFX thread
 * (starting reads and writes {@code scheduled_jobs}). Tests pass one with a short tick.
 */
@FunctionalInterface
public interface JobsStarter {

    BackgroundJobs start(SessionServices services, Notifier notifier);

    /** The desktop's jobs: {@link JobsConfig#forDesktop()}. */
    static JobsStarter forDesktop() {
        return (services, notifier) -> BackgroundJobs.start(services, notifier, JobsConfig.forDesktop());
    }
}
