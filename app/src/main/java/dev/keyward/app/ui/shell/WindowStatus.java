package dev.keyward.app.ui.shell;

import dev.keyward.app.error.DesktopAction;
import dev.keyward.app.ui.ErrorActions;
import dev.keyward.app.ui.tray.Notification;
import dev.keyward.app.ui.tray.Notifier;
import dev.keyward.app.ui.tray.TrayChannel;
import dev.keyward.app.ui.tray.TrayState;
import dev.keyward.vault.profile.ProfileSummary;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * Says which lock is in force, everywhere at once (window title, tray icon and tooltip, status
 * bar), and delivers notifications: a tray balloon while the window is hidden, else a banner, which
 * offers an error's action as a button when the window can do it from where it is.
 */
final class WindowStatus implements Notifier {

    private final Stage stage;
    private final TrayChannel tray;
    private final Label banner = new Label();
    private final Button bannerAction = new Button();
    private final HBox bannerBox = new HBox(10, banner, bannerAction);
    private ErrorActions actions = ErrorActions.none();
    private Consumer<String> statusBar = s -> { };
    private LockState state = LockState.STOPPED;
    private ProfileSummary profile;
    private boolean readOnly;

    WindowStatus(Stage stage, TrayChannel tray) {
        this.stage = stage;
        this.tray = tray;
        banner.setId("banner");
        bannerBox.getStyleClass().add("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setOnMouseClicked(e -> hideBanner());
        HBox.setHgrow(banner, Priority.ALWAYS);
        bannerBox.setId("banner-box");
        bannerAction.setId("banner-action");
        // The label is the action's whole name; the button never shrinks below it.
        bannerAction.setMinWidth(Region.USE_PREF_SIZE);
        bannerBox.setAlignment(Pos.CENTER_LEFT);
        hideBanner();
    }

    Node banner() {
        return bannerBox;
    }

    /** What the banner's button does for an error's action. */
    void setActions(ErrorActions actions) {
        this.actions = actions;
    }

    /** Where the main window's status line is, while it is shown. */
    void setStatusBar(Consumer<String> bar) {
        statusBar = bar;
        bar.accept(line());
    }

    void show(LockState state, ProfileSummary profile, boolean readOnly) {
        this.state = state;
        this.profile = profile;
        this.readOnly = readOnly;
        refresh();
    }

    void refresh() {
        String line = line();
        stage.setTitle(line);
        tray.show(state == LockState.UNLOCKED ? TrayState.UNLOCKED : TrayState.LOCKED, line);
        statusBar.accept(line);
    }

    private String line() {
        return StatusText.of(state, profile, readOnly);
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
            DesktopAction action = n.action();
            boolean offered = !action.label().isEmpty() && actions.offers(action);
            bannerAction.setText(offered ? action.label() : "");
            bannerAction.setOnAction(offered ? e -> {
                hideBanner();
                actions.perform(action);
            } : null);
            bannerAction.setVisible(offered);
            bannerAction.setManaged(offered);
            bannerBox.setManaged(true);
            bannerBox.setVisible(true);
        }
    }

    private void hideBanner() {
        bannerBox.setVisible(false);
        bannerBox.setManaged(false);
    }
}
