package dev.keyward.app.ui.unlock;

import dev.keyward.app.ui.ClipboardGuard;
import dev.keyward.vault.crypto.Password;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Shows the new profile's recovery code once, with a copy button and an "I have saved it"
 * confirmation; the code is wiped when the user moves on.
 */
public final class RecoveryCodeView extends StackPane {

    /** Long enough to paste into a password manager, short enough not to linger. */
    private static final Duration CLEAR_AFTER = Duration.seconds(60);

    private final Label code = new Label();
    private Password recoveryCode;

    public RecoveryCodeView(Password recoveryCode, ClipboardGuard clipboard, Runnable onDone) {
        this.recoveryCode = recoveryCode;
        setId("recovery-code-view");
        Label title = new Label("Your recovery code");
        title.getStyleClass().add("title-2");
        Label intro = new Label("If you forget your password, this code is the only way back into the profile. "
                + "Write it down or keep it in a password manager. It is shown only this once.");
        intro.setWrapText(true);
        // A label can only show a String: this copy lives until the screen goes away.
        code.setText(new String(recoveryCode.chars()));
        code.setId("recovery-code");
        code.getStyleClass().add("recovery-code");
        Button copy = new Button("_Copy code");
        copy.setId("copy-recovery-code");
        copy.setOnAction(e -> clipboard.copy(this.recoveryCode.chars(), CLEAR_AFTER));
        CheckBox saved = new CheckBox("I have _saved it somewhere safe");
        saved.setId("recovery-saved");
        Button done = new Button("C_ontinue");
        done.setId("recovery-continue");
        done.setDefaultButton(true);
        done.disableProperty().bind(saved.selectedProperty().not());
        done.setOnAction(e -> {
            code.setText("");
            this.recoveryCode.destroy();
            this.recoveryCode = null;
            onDone.run();
        });
        VBox card = new VBox(12, title, intro, code, new HBox(8, copy), saved, done);
        card.getStyleClass().add("screen-card");
        card.setMaxWidth(480);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
    }

    /** Wipes the code if the screen is left another way (lock, quit). */
    public void wipe() {
        code.setText("");
        if (recoveryCode != null) {
            recoveryCode.destroy();
            recoveryCode = null;
        }
    }
}
