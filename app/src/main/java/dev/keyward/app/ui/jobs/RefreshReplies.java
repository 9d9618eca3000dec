package dev.keyward.app.ui.jobs;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.vault.jobs.JobStatus;

/** What the tray says after its "Refresh now": done, nothing to refresh, already running, or what went wrong. */
final class RefreshReplies {

    private RefreshReplies() {
    }

    /**
     * @param result      the run's result, or null when it failed outright
     * @param failure     why it failed outright, or null
     * @param keysChecked how many keys the last dashboard run checked, -1 when none ran yet
     */
    static Notification of(JobResult result, Throwable failure, int keysChecked) {
        if (result == null) {
            return Notification.info("Refresh failed", "The dashboard refresh could not run ("
                    + (failure == null ? "no reason given" : failure.getClass().getSimpleName())
                    + "); it runs again at its next time.");
        }
        if (!result.ran()) {
            return result.error() != null
                    ? Notification.info("Nothing to refresh", result.error())
                    : Notification.info("Already refreshing",
                            "A dashboard refresh is already running; its results appear when it finishes.");
        }
        if (keysChecked == 0) {
            return Notification.info("Nothing to refresh",
                    "No key has a provider yet, so the dashboard watches none. Give a key its provider in Secrets.");
        }
        // A run that failed before counting its keys has no count to tell.
        String keys = keysChecked < 0 ? "" : (keysChecked == 1 ? "1 key" : keysChecked + " keys") + " checked. ";
        if (result.status() == JobStatus.SUCCESS) {
            return Notification.info("Dashboard refreshed", keys.strip());
        }
        return Notification.info("Dashboard refreshed with problems",
                keys + (result.error() == null ? "Open the dashboard for details." : result.error()));
    }
}
