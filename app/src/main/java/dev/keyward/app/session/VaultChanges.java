package dev.keyward.app.session;

import dev.keyward.vault.VaultException;
import dev.keyward.vault.db.VaultDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Tells an unlocked session's listeners (the desktop's open pages) that its vault changed, whoever
 * changed it: a writer in this process says so through {@link #changedHere()}; a commit by another
 * process (a direct CLI command, a restore) is seen by polling SQLite's {@code PRAGMA data_version}
 * about once a second. Listeners hear one call per burst of changes and learn nothing else: no name,
 * no value, not even which table changed.
 *
 * <p>The polling thread (a daemon) runs only while someone listens: it starts with the first listener,
 * ends when the last one leaves (the desktop's lock disposes its pages) and at {@link #close()}.
 */
public final class VaultChanges implements AutoCloseable {

    /** How often another process's commits are looked for. */
    public static final Duration POLL = Duration.ofSeconds(1);
    /** After this process's own write, how long to wait for the rest of its burst before telling. */
    static final Duration SETTLE = Duration.ofMillis(100);

    private final LongSupplier dataVersion;
    private final Duration poll;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by {@code this}: a write in this process not yet told. */
    private boolean changedHere;
    /** Guarded by {@code this}: the polling thread; a thread that is no longer this one ends. */
    private Thread watcher;
    private boolean closed;
    /** The data version of the last look, or null before the first; used by one thread at a time. */
    private volatile Long seen;

    /** A listener's place on the list; closing it removes the listener. */
    public interface Listening extends AutoCloseable {
        @Override
        void close();
    }

    VaultChanges(LongSupplier dataVersion, Duration poll) {
        this.dataVersion = Objects.requireNonNull(dataVersion, "dataVersion");
        this.poll = Objects.requireNonNull(poll, "poll");
    }

    /** The changes of {@code database}, polled every {@link #POLL}. */
    public static VaultChanges of(VaultDatabase database) {
        return new VaultChanges(database::dataVersion, POLL);
    }

    /**
     * A writer in this process (the agent serving a CLI command) committed a change to the vault:
     * listeners hear of it shortly, once for a burst of such calls. Cheap; safe from any thread.
     */
    public synchronized void changedHere() {
        changedHere = true;
        notifyAll();
    }

    /**
     * Calls {@code listener} (on the polling thread) after each burst of changes until the returned
     * handle is closed; the first listener starts the polling thread and the last one to leave ends it.
     */
    public synchronized Listening listen(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("The session's change watch is closed.");
        }
        listeners.add(listener);
        if (watcher == null) {
            Thread t = new Thread(this::watch, "keyward-vault-changes");
            t.setDaemon(true);
            watcher = t;
            t.start();
        }
        return () -> leave(listener);
    }

    private synchronized void leave(Runnable listener) {
        listeners.remove(listener);
        if (listeners.isEmpty() && watcher != null) {
            watcher = null;
            notifyAll();
        }
    }

    /** True while the polling thread runs (tests). */
    synchronized boolean isWatching() {
        return watcher != null && watcher.isAlive();
    }

    private void watch() {
        Thread self = Thread.currentThread();
        try {
            if (seen == null) {
                look(); // the version to compare with, so a commit in the first second is not missed
            }
            while (true) {
                synchronized (this) {
                    if (watcher != self) {
                        return;
                    }
                    if (!changedHere) {
                        wait(poll.toMillis());
                    }
                    if (watcher != self) {
                        return;
                    }
                    if (changedHere) {
                        // The rest of this process's burst (an import writes many rows) is told with it.
                        wait(SETTLE.toMillis());
                    }
                    if (watcher != self) {
                        return;
                    }
                }
                lookAndTell();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // The database closed under the watch: nothing more can change.
        }
    }

    private void lookAndTell() {
        if (look()) {
            for (Runnable listener : listeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    // One listener's failure must not stop the others or the watch.
                }
            }
        }
    }

    /** Whether the vault changed since the last look, here or elsewhere; the first look only learns the version. */
    boolean look() {
        boolean here;
        synchronized (this) {
            here = changedHere;
            changedHere = false;
        }
        long now;
        try {
            now = dataVersion.getAsLong();
        } catch (VaultException e) {
            return here; // looked for again at the next poll
        }
        boolean elsewhere = seen != null && seen != now;
        seen = now;
        return here || elsewhere;
    }

    /** Ends the polling thread (waiting for it, so it never reads a database that is closing) and drops every listener. */
    @Override
    public void close() {
        Thread ending;
        synchronized (this) {
            closed = true;
            listeners.clear();
            ending = watcher;
            watcher = null;
            notifyAll();
        }
        if (ending != null && ending != Thread.currentThread()) {
            try {
                ending.join(POLL.toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
