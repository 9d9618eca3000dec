package dev.keyward.automation.dashboard.refresh;

/**
 * Hears about each key as soon as its refresh finishes, so the app can store it right away and the
 * UI can show progress; called from worker threads, possibly at the same time.
 */
@FunctionalInterface
public interface RefreshListener {

    void refreshed(KeyRefreshResult result);

    /** A listener that does nothing. */
    static RefreshListener ignoring() {
        return result -> { };
    }
}
