package dev.keyward.app.ui.discovery;

import dev.keyward.automation.discovery.StoredFinding;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The inbox rows in the service's order (most urgent first, then newest): urgency as word and colour,
 * category, provider, title, date, the user's status and relevance. Every cell is plain text.
 */
final class InboxTable {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final TableView<StoredFinding> table = new TableView<>();

    InboxTable() {
        table.setId("discovery-table");
        dev.keyward.app.ui.TableHeaders.keepWhole(table);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StoredFinding, StoredFinding> urgency = new TableColumn<>("Urgency");
        urgency.setPrefWidth(120);
        urgency.setMinWidth(95);
        urgency.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        urgency.setCellFactory(column -> new UrgencyCell());
        table.getColumns().setAll(List.of(
                urgency,
                column("Category", 130, 90, f -> words(f.category().dbValue())),
                column("Provider", 110, 85, f -> f.providerName() == null ? f.providerSlug() : f.providerName()),
                column("Title", 320, 160, StoredFinding::sourceTitle),
                column("Found (UTC)", 130, 125, f -> DATE.format(f.discoveredAt())),
                column("Status", 85, 70, f -> f.userStatus().dbValue()),
                column("Relevance", 110, 110, f -> relevance(f.relevanceScore()))));
    }

    TableView<StoredFinding> view() {
        return table;
    }

    /** Puts {@code updated} where the row with its id is, so a status change shows at once. */
    void replace(StoredFinding updated) {
        List<StoredFinding> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(updated.id())) {
                boolean selected = table.getSelectionModel().getSelectedIndex() == i;
                items.set(i, updated);
                if (selected) {
                    table.getSelectionModel().select(i);
                }
                return;
            }
        }
    }

    /** "pricing_update" as "pricing update". */
    static String words(String dbValue) {
        return dbValue.replace('_', ' ');
    }

    static String relevance(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /** A column at {@code width}, never narrower than {@code min} so its header stays readable. */
    private static TableColumn<StoredFinding, String> column(String title, double width, double min,
                                                             Function<StoredFinding, String> text) {
        TableColumn<StoredFinding, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    /** The urgency word in its theme colour; a Label inside, so the colour classes of AtlantaFX apply. */
    private static final class UrgencyCell extends TableCell<StoredFinding, StoredFinding> {
        private final Label label = new Label();

        @Override
        protected void updateItem(StoredFinding item, boolean empty) {
            super.updateItem(item, empty);
            label.getStyleClass().removeAll(UrgencyLook.allStyleClasses());
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            UrgencyLook look = UrgencyLook.of(item.urgency());
            label.setText(look.word());
            label.getStyleClass().addAll(look.styleClasses());
            setGraphic(label);
        }
    }
}
