package dev.keyward.app.ui;

import javafx.scene.control.Button;

/** Makes the plain buttons of the pages: a text (with its mnemonic), an id for tests and styles, an action. */
public final class Buttons {

    private Buttons() {
    }

    /** A button labelled {@code text}, with id {@code id}, that runs {@code action} when pressed. */
    public static Button of(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
