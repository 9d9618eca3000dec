package dev.keyward.app.ui.automation;

import dev.keyward.automation.scripts.AutomationScript;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The stored programs ({@code automation_scripts}) as a table with a pending/approved filter. */
final class ProgramList extends VBox {

    static final String READING = "Reading the programs…";
    static final String NONE = "No programs here. Import one, or generate one from a sentence.";
    static final String NOT_READ = "The programs could not be read; the line below says why.";

    private final TableView<AutomationScript> table = new TableView<>();
    private final ComboBox<ProgramFilter> filter = new ComboBox<>();
    private final List<AutomationScript> all = new ArrayList<>();
    private final Consumer<AutomationScript> onSelect;
    /** Said by the empty table once the programs were read; until then it says they are being read. */
    private final Label none = placeholder(NONE);
    /** Set while the rows are replaced, so the review hears only the final selection, not the cleared one. */
    private boolean updating;

    ProgramList(Consumer<AutomationScript> onSelect) {
        super(8);
        this.onSelect = onSelect;
        filter.setId("program-filter");
        filter.setMinWidth(Region.USE_PREF_SIZE);
        filter.getItems().setAll(ProgramFilter.values());
        filter.setValue(ProgramFilter.ALL);
        filter.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                applyFilter(selectedId());
            }
        });
        table.setId("program-table");
        dev.keyward.app.ui.TableHeaders.keepWhole(table);
        // An empty table must not claim there are no programs before they were read.
        table.setPlaceholder(placeholder(READING));
        table.setMinHeight(120);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Name", 200, 110, AutomationScript::title),
                column("Provider", 110, 85, AutomationScript::providerSlug),
                column("Task", 130, 80, s -> s.taskType().dbValue()),
                column("Version", 75, 75, s -> "v" + s.version()),
                column("Approval", 90, 90, s -> s.approvalStatus().dbValue()),
                column("Last run", 85, 85, s -> s.lastExecutionStatus() == null ? "never" : s.lastExecutionStatus()),
                column("Runs", 60, 60, s -> Integer.toString(s.executionCount()))));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating) {
                onSelect.accept(b);
            }
        });
        Label caption = new Label("Sho_w");
        caption.setMnemonicParsing(true);
        caption.setLabelFor(filter);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox filterRow = new javafx.scene.layout.HBox(6, caption, filter);
        filterRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(filterRow, table);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /** A column at {@code width}, never narrower than {@code min} so its header stays readable. */
    private static TableColumn<AutomationScript, String> column(String title, double width, double min,
            Function<AutomationScript, String> value) {
        TableColumn<AutomationScript, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        return c;
    }

    /**
     * Replaces the rows and selects {@code selectId} (or keeps the selection); a program to select is shown
     * even when the filter would hide it (a new or edited program is pending).
     */
    void show(List<AutomationScript> scripts, String selectId) {
        table.setPlaceholder(none);
        String keep = selectId != null ? selectId : selectedId();
        all.clear();
        all.addAll(scripts);
        boolean hidden = scripts.stream().anyMatch(s -> s.id().equals(selectId) && !filter.getValue().admits(s));
        if (hidden) {
            updating = true;
            filter.setValue(ProgramFilter.ALL);
            updating = false;
        }
        applyFilter(keep);
    }

    /** Reading the programs failed: the empty table says so instead of claiming there are none. */
    void notRead() {
        if (all.isEmpty()) {
            table.setPlaceholder(placeholder(NOT_READ));
        }
    }

    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private void applyFilter(String keep) {
        List<AutomationScript> shown = all.stream().filter(filter.getValue()::admits).toList();
        updating = true;
        try {
            table.getItems().setAll(shown);
            shown.stream().filter(s -> s.id().equals(keep)).findFirst()
                    .ifPresent(s -> table.getSelectionModel().select(s));
        } finally {
            updating = false;
        }
        onSelect.accept(table.getSelectionModel().getSelectedItem());
    }

    String selectedId() {
        AutomationScript s = table.getSelectionModel().getSelectedItem();
        return s == null ? null : s.id();
    }
}
