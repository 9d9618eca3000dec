package dev.keyward.app.ui.dashboard;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Draws one key's card: name, provider, health and service badges, usage bar, cost, age, collection, warnings. */
final class KeyCardView {

    /** At or above this usage percent the bar turns to the caution colour (the warning level). */
    static final double USAGE_WARNING_PERCENT = 80.0;

    private KeyCardView() {
    }

    static Node build(KeyCard card) {
        // A key name has no spaces to wrap at and can be long: it gets its own line, which wraps anywhere.
        Label name = new Label(card.name());
        name.getStyleClass().add("card-name");
        name.setWrapText(true);
        Label provider = new Label(card.providerName());
        provider.getStyleClass().add("text-muted");
        FlowPane head = new FlowPane(10, 6, provider, badge(card.health()), badge(card.service()));
        VBox box = new VBox(6, name, head);
        box.getStyleClass().addAll("key-card", "attention-" + card.attention().name().toLowerCase(java.util.Locale.ROOT));
        box.setId("card-" + card.name());
        if (card.usagePercent() != null || card.usageText() != null) {
            box.getChildren().add(usage(card));
        }
        // One fact a line, wrapped: a flow pane is never narrower than its widest fact, which pushed the
        // card past the list's edge in a narrow window.
        VBox facts = new VBox(2);
        for (String fact : new String[] {card.costText(), card.ageText(), card.collectedText()}) {
            if (fact != null) {
                Label label = wrapped(fact);
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
        // The bar above its sentence: side by side, the sentence was cut in a narrow window.
        VBox row = new VBox(4);
        if (card.usagePercent() != null) {
            ProgressBar bar = new ProgressBar(Math.min(1.0, card.usagePercent() / 100.0));
            bar.setPrefWidth(180);
            bar.getStyleClass().addAll("usage-bar", usageTone(card.usagePercent()).styleClass());
            bar.setAccessibleText("Usage " + CardWording.number(card.usagePercent(), 1) + " percent of the limit");
            row.getChildren().add(bar);
        }
        if (card.usageText() != null) {
            row.getChildren().add(wrapped(card.usageText()));
        }
        return row;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
