package dev.keyward.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs vault work (key derivation, database reads and writes, file I/O) on background threads
 * and hands the result back on the JavaFX thread, so the UI never waits on the vault.
 */
public final class BackgroundWork implements AutoCloseable {

    /** A piece of work that runs on a background thread. */
    @FunctionalInterface
    public interface Job<T> {
        T run() throws Exception;
    }

    private final ExecutorService executor;

    public BackgroundWork() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "keyward-work-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Two threads: a long key derivation never holds up a quick list refresh.
        this.executor = Executors.newFixedThreadPool(2, threads);
    }

    /** Runs {@code job}; exactly one of the callbacks is called on the JavaFX thread. */
    public <T> Task<T> run(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.run();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        executor.execute(task);
        return task;
    }

    /**
     * Runs {@code job} so that it can be cancelled: a result that arrives after the user
     * cancelled is handed to {@code discard} (for example a session to close) instead of being used.
     */
    public <T> Cancellable runCancellable(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                          Consumer<T> discard) {
        CancellableTask<T> task = new CancellableTask<>(job, discard);
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        executor.execute(task);
        return task::cancelAndDiscard;
    }

    /** Stops waiting for a running job. */
    @FunctionalInterface
    public interface Cancellable {
        void cancel();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class CancellableTask<T> extends Task<T> {
        private final Job<T> job;
        private final Consumer<T> discard;
        private final Object lock = new Object();
        private boolean cancelRequested;
        private T produced;

        CancellableTask(Job<T> job, Consumer<T> discard) {
            this.job = job;
            this.discard = discard;
        }

        @Override
        protected T call() throws Exception {
            T value = job.run();
            boolean drop;
            synchronized (lock) {
                drop = cancelRequested;
                if (!drop) {
                    produced = value;
                }
            }
            if (drop && value != null) {
                discard.accept(value);
            }
            return value;
        }

        void cancelAndDiscard() {
            T orphan;
            synchronized (lock) {
                cancelRequested = true;
                orphan = produced;
                produced = null;
            }
            // No interrupt: a key derivation or a SQLite write is left to finish; its result is dropped.
            if (cancel(false) && orphan != null) {
                discard.accept(orphan);
            }
        }
    }
}
