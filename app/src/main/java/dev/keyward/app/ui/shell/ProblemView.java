package dev.keyward.app.ui.shell;

import dev.keyward.app.ui.ScreenCard;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A screen for a problem that stops the app before a profile is open, with a way to try again. */
final class ProblemView extends StackPane {

    ProblemView(String sentence, Runnable retry) {
        Label text = new Label(sentence);
        text.setWrapText(true);
        text.getStyleClass().add("form-error");
        Button again = new Button("_Try again");
        again.setOnAction(e -> retry.run());
        VBox card = new VBox(12, text, again);
        getChildren().add(ScreenCard.centred(card, 440));
    }
}
