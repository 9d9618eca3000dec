package dev.keyward.app.ui.shell;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.app.ui.tray.Notifier;
import dev.keyward.app.ui.tray.TrayChannel;
import dev.keyward.app.ui.tray.TrayState;
import dev.keyward.vault.profile.ProfileSummary;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * Says which lock is in force, everywhere at once (window title, tray icon and tooltip, status
 * bar), and delivers notifications: a tray balloon while the window is hidden, else a banner.
 */
final class WindowStatus implements Notifier {

    private final Stage stage;
    private final TrayChannel tray;
    private final Label banner = new Label();
    private Consumer<String> statusBar = s -> { };
    private LockState state = LockState.STOPPED;
    private ProfileSummary profile;

    WindowStatus(Stage stage, TrayChannel tray) {
        this.stage = stage;
        this.tray = tray;
        banner.setId("banner");
        banner.getStyleClass().add("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setOnMouseClicked(e -> hideBanner());
        hideBanner();
    }

    Label banner() {
        return banner;
    }

    /** Where the main window's status line is, while it is shown. */
    void setStatusBar(Consumer<String> bar) {
        statusBar = bar;
        bar.accept(line());
    }

    void show(LockState state, ProfileSummary profile) {
        this.state = state;
        this.profile = profile;
        refresh();
    }

    void refresh() {
        String line = line();
        stage.setTitle(line);
        tray.show(state == LockState.UNLOCKED ? TrayState.UNLOCKED : TrayState.LOCKED, line);
        statusBar.accept(line);
    }

    private String line() {
        return StatusText.of(state, profile);
    }

    @Override
    public void post(Notification n) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> post(n));
            return;
        }
        if (n.urgency() == Notification.Urgency.ATTENTION && state == LockState.UNLOCKED) {
            tray.show(TrayState.NEEDS_ATTENTION, line());
        }
        if (stage.isShowing() || !tray.notify(n)) {
            banner.setText(n.title() + ": " + n.text() + "  (click to dismiss)");
            banner.setManaged(true);
            banner.setVisible(true);
        }
    }

    private void hideBanner() {
        banner.setVisible(false);
        banner.setManaged(false);
    }
}
