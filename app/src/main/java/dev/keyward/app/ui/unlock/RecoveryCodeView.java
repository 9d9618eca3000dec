package dev.keyward.app.ui.unlock;

import dev.keyward.app.ui.ClipboardGuard;
import dev.keyward.vault.crypto.Password;
import dev.keyward.app.ui.ScreenCard;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
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

    /** Read-only and selectable, so the code can be copied by hand or by selection; it wraps after a dash. */
    private final TextArea code = new TextArea();
    private final Button copy = new Button();
    private Password recoveryCode;

    public RecoveryCodeView(Password recoveryCode, ClipboardGuard clipboard, Runnable onDone) {
        this.recoveryCode = recoveryCode;
        setId("recovery-code-view");
        Label title = new Label("Your recovery code");
        title.getStyleClass().add("title-2");
        title.setWrapText(true);
        Label intro = new Label("If you forget your password, this code is the only way back into the profile. "
                + "Write it down or keep it in a password manager. It is shown only this once.");
        intro.setWrapText(true);
        // A text control can only show a String: this copy lives until the screen goes away.
        code.setText(new String(recoveryCode.chars()));
        code.setId("recovery-code");
        code.getStyleClass().add("recovery-code");
        code.setEditable(false);
        code.setWrapText(true);
        code.setPrefRowCount(1);
        code.setMinHeight(Region.USE_PREF_SIZE);
        code.setAccessibleText("Recovery code");
        // Tab goes past it to the buttons (a text area would keep Tab); a click still selects the code.
        code.setFocusTraversable(false);
        copy.setText("_Copy code");
        copy.setId("copy-recovery-code");
        copy.setOnAction(e -> clipboard.copy(this.recoveryCode.chars(), CLEAR_AFTER));
        CheckBox saved = new CheckBox("I have _saved it somewhere safe");
        saved.setId("recovery-saved");
        saved.setWrapText(true);
        Button done = new Button("C_ontinue");
        done.setId("recovery-continue");
        done.setDefaultButton(true);
        done.disableProperty().bind(saved.selectedProperty().not());
        done.setOnAction(e -> {
            if (this.recoveryCode == null) {
                return;
            }
            code.setText("");
            this.recoveryCode.destroy();
            this.recoveryCode = null;
            onDone.run();
        });
        VBox card = new VBox(12, title, intro, code, new HBox(8, copy), saved, done);
        // Enter on the ticked box continues, as on any field of a form; the box would otherwise take Enter
        // as a second press and untick itself, so the default button never heard it.
        saved.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && saved.isSelected() && !done.isDisabled()) {
                e.consume();
                done.fire();
            }
        });
        getChildren().add(ScreenCard.centred(card, 560));
    }

    /** Puts the keyboard focus on Copy code; Tab then reaches the confirmation and Continue. */
    public void focusFirst() {
        copy.requestFocus();
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
