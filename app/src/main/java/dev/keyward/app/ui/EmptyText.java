package dev.keyward.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.text.TextAlignment;

/** The sentence an empty table or list shows in its place; it wraps, so a narrow window never cuts it. */
public final class EmptyText {

    private EmptyText() {
    }

    public static Label of(String sentence) {
        Label label = new Label(sentence);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setPadding(new Insets(8));
        return label;
    }
}
