package dev.keyward.app.ui;

import java.util.function.Consumer;

/**
 * Long work with a visible progress layer and a Cancel button: the layer comes up when the
 * work starts and goes away when it ends, however it ends.
 */
public final class LongWork {

    private final BackgroundWork work;
    private final ProgressOverlay overlay;

    public LongWork(BackgroundWork work, ProgressOverlay overlay) {
        this.work = work;
        this.overlay = overlay;
    }

    public BackgroundWork background() {
        return work;
    }

    /**
     * Runs {@code job} behind a progress layer that says {@code message}. Cancel stops waiting;
     * a result that still arrives goes to {@code discard}. {@code onCancelled} runs on Cancel.
     */
    public <T> void run(String message, BackgroundWork.Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                        Consumer<T> discard, Runnable onCancelled) {
        BackgroundWork.Cancellable[] handle = new BackgroundWork.Cancellable[1];
        handle[0] = work.runCancellable(job, value -> {
            overlay.hide();
            onSuccess.accept(value);
        }, error -> {
            overlay.hide();
            onFailure.accept(error);
        }, discard);
        overlay.show(message, () -> {
            handle[0].cancel();
            onCancelled.run();
        });
    }

    /** Same, for work whose result needs no clean-up when it is dropped. */
    public <T> void run(String message, BackgroundWork.Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(message, job, onSuccess, onFailure, v -> { }, () -> { });
    }
}
