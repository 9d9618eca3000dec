package dev.keyward.app.ui.unlock;

import dev.keyward.app.ui.FilePicker;
import dev.keyward.app.ui.LongWork;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.WrongPasswordException;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.ProfileSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The profile picker and password prompt. A wrong password says so and, after repeated
 * failures, makes the next try wait; a damaged vault says so and offers a restore from backup.
 */
public final class UnlockView extends StackPane {

    private final UnlockFlow flow;
    private final LongWork longWork;
    private final BackupRestorer restorer;
    private final FilePicker files;
    private final UnlockThrottle throttle;
    private final ComboBox<ProfileSummary> profile = new ComboBox<>();
    private final PasswordField password = new PasswordField();
    private final Button unlock = new Button("_Unlock");
    private final Button restore = new Button("_Restore from backup…");
    private final Label message = new Label();
    private Timeline countdown;

    /** {@code keptSession}: the window was locked while the session stayed open; the profile is fixed. */
    public UnlockView(List<ProfileSummary> profiles, ProfileSummary select, boolean keptSession, UnlockFlow flow,
                      LongWork longWork, BackupRestorer restorer, FilePicker files, UnlockThrottle throttle) {
        this.flow = flow;
        this.longWork = longWork;
        this.restorer = restorer;
        this.files = files;
        this.throttle = throttle;
        setId("unlock-view");
        Label title = new Label(keptSession ? "Keyward is locked" : "Unlock Keyward");
        title.getStyleClass().add("title-2");
        title.setWrapText(true);
        profile.getItems().setAll(profiles);
        profile.setId("profile-picker");
        profile.setMaxWidth(Double.MAX_VALUE);
        profile.setCellFactory(l -> new ProfileCell());
        profile.setButtonCell(new ProfileCell());
        profile.getSelectionModel().select(select != null && profiles.contains(select) ? select : profiles.get(0));
        profile.setDisable(keptSession);
        password.setId("unlock-password");
        unlock.setId("unlock-button");
        unlock.setDefaultButton(true);
        unlock.setOnAction(e -> tryUnlock());
        message.setId("unlock-message");
        message.setWrapText(true);
        restore.setId("restore-backup");
        restore.setOnAction(e -> restoreFromBackup());
        profile.valueProperty().addListener((o, a, b) -> showProfileState());
        Hyperlink other = keptSession ? new Hyperlink("_Stop and switch profile") : new Hyperlink("_New profile…");
        other.setMnemonicParsing(true);
        other.setOnAction(e -> {
            password.clear();
            if (keptSession) {
                flow.stopAndSwitch();
            } else {
                flow.newProfile();
            }
        });
        VBox card = new VBox(10, title, CreateProfileView.labelled("Pro_file", profile),
                CreateProfileView.labelled("_Password", password), new HBox(8, unlock, restore), message, other);
        getChildren().add(dev.keyward.app.ui.ScreenCard.centred(card, 420));
        showProfileState();
    }

    /**
     * Puts the cursor in the password field. Asked as the window opens, the request is lost: the scene's first
     * pulse gives the focus to its first control, the profile box, and a person at the keyboard typed the
     * password into the wrong place. So it is asked once more after the next layout pulse of the scene.
     */
    public void focusPassword() {
        password.requestFocus();
        if (getScene() != null) {
            focusAfterNextPulse(getScene());
            return;
        }
        sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(ObservableValue<? extends Scene> value, Scene was, Scene now) {
                if (now != null) {
                    value.removeListener(this);
                    focusAfterNextPulse(now);
                }
            }
        });
    }

    private void focusAfterNextPulse(Scene scene) {
        boolean[] done = {false};
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            password.requestFocus();
            // Not removed while the scene walks its listeners.
            Platform.runLater(() -> scene.removePostLayoutPulseListener(once[0]));
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Restore from backup, as its button does (an error's action asks for it); the button stays offered. */
    public void startRestore() {
        setRestoreVisible(true);
        restore.requestFocus();
        if (profile.getValue() == null) {
            setMessage("Choose the profile to restore, then choose Restore from backup….", true);
            return;
        }
        restoreFromBackup();
    }

    private void showProfileState() {
        ProfileSummary p = profile.getValue();
        boolean damaged = p != null && p.isDamaged();
        setRestoreVisible(damaged);
        password.setDisable(damaged);
        unlock.setDisable(damaged || countdown != null);
        setMessage(damaged ? p.damageReason() : "", damaged);
    }

    private void tryUnlock() {
        ProfileSummary p = profile.getValue();
        if (p == null || password.getLength() == 0) {
            setMessage("Type the profile's password.", true);
            return;
        }
        Password typed = PasswordInput.take(password);
        setMessage("", false);
        longWork.run("Unlocking " + p.name() + "…", () -> {
            try (typed) {
                return flow.unlock(p, typed);
            }
        }, session -> {
            throttle.recordSuccess();
            flow.unlocked(session);
        }, this::failed, flow::discard, () -> setMessage("Unlock cancelled.", false));
    }

    private void failed(Throwable error) {
        Throwable e = UserMessages.unwrap(error);
        if (e instanceof WrongPasswordException) {
            Duration wait = throttle.recordFailure();
            setMessage("Wrong password for this profile.", true);
            if (!wait.isZero()) {
                startCountdown(wait);
            }
        } else if (e instanceof VaultDamagedException) {
            setMessage(e.getMessage() + " You can restore the profile from a backup.", true);
            setRestoreVisible(true);
        } else {
            setMessage(UserMessages.describe(e), true);
        }
        password.requestFocus();
    }

    private void startCountdown(Duration wait) {
        long[] left = {wait.toSeconds()};
        unlock.setDisable(true);
        unlock.setText("Wait " + left[0] + " s");
        countdown = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            left[0]--;
            unlock.setText("Wait " + left[0] + " s");
        }));
        countdown.setCycleCount((int) wait.toSeconds());
        countdown.setOnFinished(e -> {
            countdown = null;
            unlock.setText("_Unlock");
            unlock.setDisable(false);
        });
        countdown.play();
    }

    private void restoreFromBackup() {
        ProfileSummary p = profile.getValue();
        Path file = files.chooseFileToOpen(getScene() == null ? null : getScene().getWindow(),
                "Choose a backup of " + p.name());
        if (file == null) {
            return;
        }
        if (password.getLength() == 0) {
            setMessage("Type the password the profile had when the backup was made, then choose Restore again.", true);
            return;
        }
        Password typed = PasswordInput.take(password);
        longWork.run("Restoring " + p.name() + " from " + file.getFileName() + "…", () -> {
            try (typed) {
                return restorer.restore(p, file, typed);
            }
        }, sentence -> flow.reloadProfiles(p, sentence), error -> setMessage(UserMessages.describe(error), true));
    }

    private void setRestoreVisible(boolean visible) {
        restore.setVisible(visible);
        restore.setManaged(visible);
    }

    private void setMessage(String text, boolean problem) {
        message.setText(text);
        message.getStyleClass().remove("form-error");
        if (problem) {
            message.getStyleClass().add("form-error");
        }
    }

    /** Shows a sentence (for example after a restore) under the password field. */
    public void say(String text) {
        setMessage(text, false);
    }

    private static final class ProfileCell extends ListCell<ProfileSummary> {
        @Override
        protected void updateItem(ProfileSummary item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.isDamaged() ? item.name() + " (damaged)" : item.name());
        }
    }
}
