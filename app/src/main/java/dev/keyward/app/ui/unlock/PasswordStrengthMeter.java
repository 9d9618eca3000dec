package dev.keyward.app.ui.unlock;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.keyward.app.ui.BackgroundWork;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * A strength bar under a new password (zxcvbn's 0 to 4 score and its warning). The estimator
 * reads the field's characters directly and wipes its own copies.
 */
public final class PasswordStrengthMeter extends VBox {

    private static final String[] WORDS = {"Very weak", "Weak", "Fair", "Good", "Strong"};

    private final ProgressBar bar = new ProgressBar(0);
    private final Label verdict = new Label(" ");
    private volatile Zxcvbn estimator;
    private TextField source;

    public PasswordStrengthMeter(BackgroundWork work) {
        super(4);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("strength-bar");
        verdict.setId("strength-verdict");
        verdict.setWrapText(true);
        getChildren().addAll(bar, verdict);
        // Building the estimator loads its dictionaries: do it off the JavaFX thread.
        work.run(Zxcvbn::new, z -> {
            estimator = z;
            if (source != null) {
                update(source);
            }
        }, e -> verdict.setText("Strength estimate unavailable."));
    }

    /** Follows {@code field}: the meter updates on every keystroke. */
    public void follow(TextField field) {
        source = field;
        field.textProperty().addListener((o, a, b) -> update(field));
    }

    private void update(TextField field) {
        Zxcvbn z = estimator;
        if (z == null) {
            return;
        }
        if (field.getLength() == 0) {
            bar.setProgress(0);
            verdict.setText(" ");
            return;
        }
        // zxcvbn wipes the text it measured: give it a copy, never the field's own content.
        char[] copy = PasswordInput.peek(field);
        Strength strength = z.measure(java.nio.CharBuffer.wrap(copy));
        try {
            int score = strength.getScore();
            bar.setProgress((score + 1) / 5.0);
            String warning = strength.getFeedback().getWarning();
            verdict.setText(WORDS[score] + (warning == null || warning.isBlank() ? "" : ": " + warning));
            bar.getStyleClass().removeAll("weak", "fair", "strong");
            bar.getStyleClass().add(score <= 1 ? "weak" : score == 2 ? "fair" : "strong");
        } finally {
            strength.wipe();
            dev.keyward.vault.crypto.Wipe.chars(copy);
        }
    }

    public String verdictText() {
        return verdict.getText();
    }
}
