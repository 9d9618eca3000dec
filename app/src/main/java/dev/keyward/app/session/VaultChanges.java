package dev.keyward.app.session;

import dev.keyward.vault.VaultException;
import dev.keyward.vault.db.VaultDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.OptionalLong;

/**
 * Tells an unlocked session's listeners (the desktop's open pages) that its vault changed, whoever
 * changed it: a writer in this process says so through {@link #changedHere()}; a commit by another
 * process (a direct CLI command) is seen by polling SQLite's {@code PRAGMA data_version} about once a
 * second. Listeners hear one call per burst of changes and learn nothing else: no name, no value, not
 * even which table changed.
 *
 * <p>A vault file replaced by another process (a restore renames a new file over it) is no commit: the
 * session's connections keep reading the old file. Each poll compares the file's identity with the one
 * opened, and {@link #onReplaced} listeners hear of it once; nothing more is looked for after that.
 *
 * <p>The poll is cheap and never waits for this process's writer: it reads the files' sizes and times
 * first and asks SQLite only when they moved, and then only if the writer is idle (a busy writer means a
 * look at the next poll).
 *
 * <p>The polling thread (a daemon) runs only while someone listens: it starts with the first listener,
 * ends when the last one leaves (the desktop's lock disposes its pages) and at {@link #close()}.
 */
public final class VaultChanges implements AutoCloseable {

    /** How often another process's commits are looked for. */
    public static final Duration POLL = Duration.ofSeconds(1);
    /** After this process's own write, how long to wait for the rest of its burst before telling. */
    static final Duration SETTLE = Duration.ofMillis(100);

    private final Probe probe;
    private final Duration poll;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> replacedListeners = new CopyOnWriteArrayList<>();
    /** Set once the vault file was found replaced; then nothing more is looked for. */
    private volatile boolean replaced;
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

    /** What the watch reads of the vault. */
    interface Probe {
        /** Whether the vault file is no longer the one the session opened. */
        boolean replaced();

        /** The data version, or empty when it cannot be read now without waiting (looked for again later). */
        OptionalLong dataVersion();
    }

    VaultChanges(Probe probe, Duration poll) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.poll = Objects.requireNonNull(poll, "poll");
    }

    /** The changes of {@code database}, polled every {@link #POLL}. */
    public static VaultChanges of(VaultDatabase database) {
        return new VaultChanges(new DatabaseProbe(database), POLL);
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
        return join(listeners, listener);
    }

    /**
     * Calls {@code listener} once (on the polling thread) when the vault file was replaced by another
     * process, until the returned handle is closed; it keeps the polling thread running like {@link #listen}.
     */
    public synchronized Listening onReplaced(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("The session's change watch is closed.");
        }
        return join(replacedListeners, listener);
    }

    private Listening join(List<Runnable> list, Runnable listener) {
        list.add(listener);
        if (watcher == null) {
            Thread t = new Thread(this::watch, "keyward-vault-changes");
            t.setDaemon(true);
            watcher = t;
            t.start();
        }
        return () -> leave(list, listener);
    }

    private synchronized void leave(List<Runnable> list, Runnable listener) {
        list.remove(listener);
        if (listeners.isEmpty() && replacedListeners.isEmpty() && watcher != null) {
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
        if (!replaced && probe.replaced()) {
            replaced = true;
            tell(replacedListeners);
        }
        if (look()) {
            tell(listeners);
        }
    }

    private static void tell(List<Runnable> toTell) {
        for (Runnable listener : toTell) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // One listener's failure must not stop the others or the watch.
            }
        }
    }

    /** Whether the vault file was found replaced by another process (tests). */
    boolean wasReplaced() {
        return replaced;
    }

    /**
     * Whether the vault changed since the last look, here or elsewhere; the first look only learns the
     * version. After the file was replaced only this process's own reports count: the old file is all the
     * session's connections can read.
     */
    boolean look() {
        boolean here;
        synchronized (this) {
            here = changedHere;
            changedHere = false;
        }
        if (replaced) {
            return here;
        }
        OptionalLong now;
        try {
            now = probe.dataVersion();
        } catch (VaultException e) {
            return here; // looked for again at the next poll
        }
        if (now.isEmpty()) {
            return here; // the writer is busy: its commits are this process's own; others are seen next time
        }
        boolean elsewhere = seen != null && seen != now.getAsLong();
        seen = now.getAsLong();
        return here || elsewhere;
    }

    /** Ends the polling thread (waiting for it, so it never reads a database that is closing) and drops every listener. */
    @Override
    public void close() {
        Thread ending;
        synchronized (this) {
            closed = true;
            listeners.clear();
            replacedListeners.clear();
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
