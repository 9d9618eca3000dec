package dev.keyward.app.ui.scan;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands the newest of many updates from a background thread to the JavaFX thread, at most one pending at a
 * time: a scan reports every file, and the screen only needs the latest.
 */
final class LatestOnFx<T> implements Consumer<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final Consumer<T> show;

    LatestOnFx(Consumer<T> show) {
        this.show = show;
    }

    @Override
    public void accept(T update) {
        if (latest.getAndSet(update) == null) {
            Platform.runLater(() -> {
                T newest = latest.getAndSet(null);
                if (newest != null) {
                    show.accept(newest);
                }
            });
        }
    }
}
