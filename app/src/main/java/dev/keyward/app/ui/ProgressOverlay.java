package dev.keyward.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A layer over the window that shows long work in progress with a Cancel button, and keeps
 * the user from starting a second action meanwhile.
 */
public final class ProgressOverlay extends StackPane {

    private final Label message = new Label();
    private final Button cancel = new Button("_Cancel");
    private Runnable onCancel = () -> { };

    public ProgressOverlay() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        message.setWrapText(true);
        message.setId("progress-message");
        cancel.setId("progress-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            Runnable r = onCancel;
            hide();
            r.run();
        });
        VBox card = new VBox(12, spinner, message, cancel);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("progress-card");
        card.setMaxSize(360, 200);
        getChildren().add(card);
        getStyleClass().add("progress-overlay");
        setId("progress-overlay");
        setVisible(false);
    }

    /** Shows {@code text}; Cancel runs {@code cancelAction} (null: the work cannot be cancelled). */
    public void show(String text, Runnable cancelAction) {
        message.setText(text);
        onCancel = cancelAction == null ? () -> { } : cancelAction;
        cancel.setVisible(cancelAction != null);
        cancel.setManaged(cancelAction != null);
        setVisible(true);
        if (cancelAction != null) {
            cancel.requestFocus();
        }
    }

    public void hide() {
        setVisible(false);
        onCancel = () -> { };
    }

    public boolean isShowing() {
        return isVisible();
    }
}
