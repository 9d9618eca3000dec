package dev.keyward.app.ui.tray;

/** The fallback for desktops without a system tray: it remembers the last state and shows nothing. */
public final class NoTrayChannel implements TrayChannel {

    private volatile TrayState state = TrayState.LOCKED;
    private volatile String statusLine = "";

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public void install(TrayActions actions) {
        // Nothing to install: the window's menu offers the same actions.
    }

    @Override
    public void show(TrayState state, String statusLine) {
        this.state = state;
        this.statusLine = statusLine;
    }

    @Override
    public boolean notify(Notification notification) {
        return false;
    }

    @Override
    public void remove() {
        // Nothing was installed.
    }

    public TrayState state() {
        return state;
    }

    public String statusLine() {
        return statusLine;
    }
}
