package dev.keyward.app.ui.dashboard;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Draws one key's card: name, provider, health and service badges, usage bar, cost, age, collection, warnings. */
final class KeyCardView {

    /** At or above this usage percent the bar turns to the caution colour (the warning level). */
    static final double USAGE_WARNING_PERCENT = 80.0;

    private KeyCardView() {
    }

    static Node build(KeyCard card) {
        Label name = new Label(card.name());
        name.getStyleClass().add("card-name");
        Label provider = new Label(card.providerName());
        provider.getStyleClass().add("text-muted");
        FlowPane head = new FlowPane(10, 6, name, provider, badge(card.health()), badge(card.service()));
        VBox box = new VBox(6, head);
        box.getStyleClass().addAll("key-card", "attention-" + card.attention().name().toLowerCase(java.util.Locale.ROOT));
        box.setId("card-" + card.name());
        if (card.usagePercent() != null || card.usageText() != null) {
            box.getChildren().add(usage(card));
        }
        FlowPane facts = new FlowPane(16, 4);
        for (String fact : new String[] {card.costText(), card.ageText(), card.collectedText()}) {
            if (fact != null) {
                Label label = new Label(fact);
                label.getStyleClass().add("card-fact");
                facts.getChildren().add(label);
            }
        }
        box.getChildren().add(facts);
        if (card.collectionText() != null) {
            Label collection = wrapped(card.collectionText());
            collection.getStyleClass().add(card.attention() == Attention.PROBLEM ? Tone.BAD.styleClass() : Tone.CAUTION.styleClass());
            collection.getStyleClass().add("card-collection");
            box.getChildren().add(collection);
        }
        for (String warning : card.warnings()) {
            Label line = wrapped("Warning: " + warning);
            line.getStyleClass().addAll("card-warning", Tone.CAUTION.styleClass());
            box.getChildren().add(line);
        }
        return box;
    }

    /** A badge carries its word; the colour only repeats what the word says. */
    static Label badge(KeyCard.Badge badge) {
        Label label = new Label(badge.word());
        label.getStyleClass().addAll("badge", badge.tone().styleClass());
        return label;
    }

    static Tone usageTone(double percent) {
        if (percent >= 100.0) {
            return Tone.BAD;
        }
        return percent >= USAGE_WARNING_PERCENT ? Tone.CAUTION : Tone.GOOD;
    }

    private static Node usage(KeyCard card) {
        HBox row = new HBox(10);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (card.usagePercent() != null) {
            ProgressBar bar = new ProgressBar(Math.min(1.0, card.usagePercent() / 100.0));
            bar.setPrefWidth(180);
            bar.getStyleClass().addAll("usage-bar", usageTone(card.usagePercent()).styleClass());
            bar.setAccessibleText("Usage " + CardWording.number(card.usagePercent(), 1) + " percent of the limit");
            row.getChildren().add(bar);
        }
        if (card.usageText() != null) {
            row.getChildren().add(new Label(card.usageText()));
        }
        return row;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
