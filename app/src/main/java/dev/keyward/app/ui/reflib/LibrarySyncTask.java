package dev.keyward.app.ui.reflib;

import dev.keyward.reflib.ReferenceLibrary;
import dev.keyward.reflib.SyncOutcome;
import dev.keyward.reflib.SyncProgress;
import java.util.List;
import javafx.concurrent.Task;

/**
 * Syncs every outdated source on its own thread; progress goes to the Task's progress and
 * message, and cancelling interrupts the thread, which the library treats as "stop now".
 */
final class LibrarySyncTask extends Task<List<SyncOutcome>> {

    private final ReferenceLibrary library;

    LibrarySyncTask(ReferenceLibrary library) {
        this.library = library;
    }

    @Override
    protected List<SyncOutcome> call() {
        return library.syncAll(this::report);
    }

    private void report(SyncProgress p) {
        // updateProgress/updateMessage coalesce onto the FX thread, so coarse library calls never flood it.
        if (p.totalKnown() && p.total() > 0) {
            updateProgress(p.done(), p.total());
        } else {
            updateProgress(-1, 1);
        }
        updateMessage(p.sourceName() + ": " + p.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }

    /** Starts the task on a fresh daemon thread (not the shared pool, so an interrupt hits only this sync). */
    Thread start() {
        Thread t = new Thread(this, "keyward-reflib-sync");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
