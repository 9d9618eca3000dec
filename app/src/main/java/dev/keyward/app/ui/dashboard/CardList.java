package dev.keyward.app.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The filter bar (search, provider, health) over the list of key cards, problems first. */
final class CardList {

    static final String ALL_PROVIDERS = "All providers";

    private final TextField search = new TextField();
    private final ComboBox<String> provider = new ComboBox<>();
    private final ComboBox<HealthChoice> health = new ComboBox<>();
    private final Label count = new Label();
    private final ListView<KeyCard> list = new ListView<>();
    private final VBox view;
    private List<KeyCard> all = List.of();
    private final Consumer<KeyCard> onSelect;
    private boolean updating;

    CardList(Consumer<KeyCard> onSelect) {
        this.onSelect = onSelect;
        search.setId("dashboard-search");
        search.setPromptText("Search key names");
        search.textProperty().addListener((o, a, b) -> applyFilter());
        provider.setId("dashboard-provider");
        provider.getItems().setAll(ALL_PROVIDERS);
        provider.setValue(ALL_PROVIDERS);
        provider.valueProperty().addListener((o, a, b) -> applyFilter());
        health.setId("dashboard-health");
        health.getItems().setAll(HealthChoice.values());
        health.setValue(HealthChoice.ALL);
        health.valueProperty().addListener((o, a, b) -> applyFilter());
        count.setId("dashboard-count");
        list.setId("dashboard-cards");
        list.setPlaceholder(dev.keyward.app.ui.EmptyText.of("No key matches the filters."));
        list.setCellFactory(view -> new CardCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating) {
                onSelect.accept(b);
            }
        });
        Label searchLabel = label("Sear_ch", search);
        Label providerLabel = label("Pr_ovider", provider);
        Label healthLabel = label("_Health", health);
        FlowPane filters = new FlowPane(8, 8, searchLabel, search, providerLabel, provider, healthLabel, health, count);
        VBox.setVgrow(list, Priority.ALWAYS);
        view = new VBox(10, filters, list);
    }

    Node view() {
        return view;
    }

    void focusSearch() {
        search.requestFocus();
    }

    /** Shows new cards, keeping the filters and the selected key when it is still there. */
    void setCards(List<KeyCard> cards) {
        all = List.copyOf(cards);
        String chosenProvider = provider.getValue();
        List<String> providers = new ArrayList<>();
        providers.add(ALL_PROVIDERS);
        providers.addAll(CardFilter.providers(all));
        updating = true;
        try {
            provider.getItems().setAll(providers);
            provider.setValue(providers.contains(chosenProvider) ? chosenProvider : ALL_PROVIDERS);
        } finally {
            updating = false;
        }
        applyFilter(true);
    }

    CardFilter filter() {
        String chosen = provider.getValue();
        return new CardFilter(chosen == null || ALL_PROVIDERS.equals(chosen) ? null : chosen,
                health.getValue() == null ? HealthChoice.ALL : health.getValue(), search.getText());
    }

    private void applyFilter() {
        applyFilter(false);
    }

    /** Filters and sorts; the detail area hears of the selection when the key left the list or its figures changed. */
    private void applyFilter(boolean newFigures) {
        if (updating) {
            return;
        }
        KeyCard selected = list.getSelectionModel().getSelectedItem();
        List<KeyCard> shown = filter().apply(all);
        KeyCard reselect = selected == null ? null
                : shown.stream().filter(c -> c.secretId().equals(selected.secretId())).findFirst().orElse(null);
        updating = true;
        try {
            list.getItems().setAll(shown);
            if (reselect != null) {
                list.getSelectionModel().select(reselect);
            }
        } finally {
            updating = false;
        }
        if (selected != null && (reselect == null || newFigures)) {
            onSelect.accept(reselect);
        }
        count.setText(shown.size() == all.size() ? all.size() + (all.size() == 1 ? " key" : " keys")
                : shown.size() + " of " + all.size() + " keys");
    }

    private static Label label(String text, Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    /** A list cell whose graphic is the card; the cell's own text stays empty. */
    private final class CardCell extends ListCell<KeyCard> {
        @Override
        protected void updateItem(KeyCard card, boolean empty) {
            super.updateItem(card, empty);
            setText(null);
            if (empty || card == null) {
                setGraphic(null);
                return;
            }
            Node node = KeyCardView.build(card);
            if (node instanceof VBox box) {
                box.prefWidthProperty().bind(list.widthProperty().subtract(36));
                box.setMaxWidth(VBox.USE_PREF_SIZE);
            }
            setGraphic(node);
        }

        /**
         * The list asks a cell for its height at the list's width; the card is asked at that width too, so
         * its wrapped lines (a long collection error) are counted rather than cut to one line.
         */
        @Override
        protected double computePrefHeight(double width) {
            Node card = getGraphic();
            if (card == null || width < 0) {
                return super.computePrefHeight(width);
            }
            javafx.geometry.Insets in = getInsets();
            double inner = width - in.getLeft() - in.getRight();
            double bound = card.prefWidth(-1);
            if (bound > 0) {
                inner = Math.min(inner, bound);
            }
            if (inner <= 0) {
                // Not laid out yet: no width to wrap at.
                return super.computePrefHeight(width);
            }
            return in.getTop() + card.prefHeight(inner) + in.getBottom();
        }
    }
}
