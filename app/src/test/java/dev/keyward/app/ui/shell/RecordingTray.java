package dev.keyward.app.ui.shell;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.app.ui.tray.TrayActions;
import dev.keyward.app.ui.tray.TrayChannel;
import dev.keyward.app.ui.tray.TrayState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tray that is not on screen but keeps its menu's actions and every state and balloon it was given. */
final class RecordingTray implements TrayChannel {

    private volatile TrayActions actions;
    private volatile TrayState state = TrayState.LOCKED;
    private volatile String statusLine = "";
    private final List<Notification> balloons = new CopyOnWriteArrayList<>();

    @Override
    public boolean isAvailable() {
        // Not available: closing the window in a test must quit, as on a desktop without a tray.
        return false;
    }

    @Override
    public void install(TrayActions installed) {
        actions = installed;
    }

    @Override
    public void show(TrayState newState, String line) {
        state = newState;
        statusLine = line;
    }

    @Override
    public boolean notify(Notification notification) {
        balloons.add(notification);
        return false;
    }

    @Override
    public void remove() {
        // Nothing on screen to take away.
    }

    TrayActions actions() {
        return actions;
    }

    TrayState state() {
        return state;
    }

    String statusLine() {
        return statusLine;
    }

    List<Notification> balloons() {
        return List.copyOf(balloons);
    }
}
