package dev.keyward.app.ui.discovery;

import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.FindingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** The inbox's filters: urgency, status (open by default) and provider; tells the page when one changes. */
final class InboxFilterBar {

    /** One entry of a filter list: what it says and what it selects. */
    record Choice<T>(String label, T value) {
    }

    private final ComboBox<Choice<Set<Urgency>>> urgency = new ComboBox<>();
    private final ComboBox<Choice<Set<FindingStatus>>> status = new ComboBox<>();
    private final ComboBox<Choice<String>> provider = new ComboBox<>();
    private final FlowPane view;

    InboxFilterBar(Consumer<InboxFilter> changed) {
        urgency.setId("discovery-filter-urgency");
        urgency.getItems().add(new Choice<>("All urgencies", Set.of()));
        for (Urgency u : List.of(Urgency.CRITICAL, Urgency.ACTION_NEEDED, Urgency.ADVISORY, Urgency.INFORMATIONAL)) {
            urgency.getItems().add(new Choice<>(UrgencyLook.of(u).word(), Set.of(u)));
        }
        urgency.getItems().add(new Choice<>("Action needed or critical", Set.of(Urgency.ACTION_NEEDED, Urgency.CRITICAL)));
        status.setId("discovery-filter-status");
        status.getItems().addAll(List.of(
                new Choice<>("Open (new and reviewed)", InboxFilter.OPEN),
                new Choice<>("New", Set.of(FindingStatus.NEW)),
                new Choice<>("Reviewed", Set.of(FindingStatus.REVIEWED)),
                new Choice<>("Dismissed", Set.of(FindingStatus.DISMISSED)),
                new Choice<>("Actioned", Set.of(FindingStatus.ACTIONED)),
                new Choice<>("All statuses", Set.of())));
        provider.setId("discovery-filter-provider");
        provider.getItems().add(new Choice<>("All providers", null));
        for (ComboBox<? extends Choice<?>> box : List.of(urgency, status, provider)) {
            labelled(box);
        }
        urgency.getSelectionModel().selectFirst();
        status.getSelectionModel().selectFirst();
        provider.getSelectionModel().selectFirst();
        Runnable fire = () -> changed.accept(filter());
        urgency.valueProperty().addListener((o, a, b) -> fire.run());
        status.valueProperty().addListener((o, a, b) -> fire.run());
        provider.valueProperty().addListener((o, a, b) -> fire.run());
        view = new FlowPane(12, 8, pair(caption("_Urgency", urgency), urgency), pair(caption("Status", status), status),
                pair(caption("Provid_er", provider), provider));
        view.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    /** Offers these providers (slug and name) in the provider filter, keeping the current choice. */
    void setProviders(List<Choice<String>> providers) {
        Choice<String> chosen = provider.getValue();
        List<Choice<String>> items = new ArrayList<>();
        items.add(new Choice<>("All providers", null));
        items.addAll(providers);
        if (items.equals(provider.getItems())) {
            return;
        }
        provider.getItems().setAll(items);
        provider.setValue(items.contains(chosen) ? chosen : items.get(0));
    }

    InboxFilter filter() {
        return new InboxFilter(value(status, InboxFilter.OPEN), value(urgency, Set.of()), value(provider, null));
    }

    FlowPane view() {
        return view;
    }

    void focus() {
        urgency.requestFocus();
    }

    private static <T> T value(ComboBox<Choice<T>> box, T fallback) {
        return box.getValue() == null ? fallback : box.getValue().value();
    }

    private static Label caption(String text, ComboBox<?> box) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(box);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A caption and its list, kept on one line when the filter row wraps. */
    private static HBox pair(Label caption, ComboBox<?> box) {
        box.setMinWidth(Region.USE_PREF_SIZE);
        HBox pair = new HBox(6, caption, box);
        pair.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return pair;
    }

    private static <T extends Choice<?>> void labelled(ComboBox<T> box) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : item.label());
            }
        });
    }
}
