package dev.keyward.app.ui.shell;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.InputEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Calls {@code onIdle} after a stretch without keyboard or mouse input in any of the app's
 * windows (dialogs included). Use on the JavaFX thread.
 */
final class IdleWatch {

    private final PauseTransition timer = new PauseTransition();
    private final EventHandler<InputEvent> activity = e -> restart();
    private boolean armed;

    IdleWatch(Runnable onIdle) {
        timer.setOnFinished(e -> {
            armed = false;
            onIdle.run();
        });
        Window.getWindows().forEach(w -> w.addEventFilter(InputEvent.ANY, activity));
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(w -> w.addEventFilter(InputEvent.ANY, activity));
                change.getRemoved().forEach(w -> w.removeEventFilter(InputEvent.ANY, activity));
            }
        });
    }

    void arm(Duration idleTime) {
        timer.setDuration(idleTime);
        armed = true;
        timer.playFromStart();
    }

    void disarm() {
        armed = false;
        timer.stop();
    }

    private void restart() {
        if (armed) {
            timer.playFromStart();
        }
    }
}
