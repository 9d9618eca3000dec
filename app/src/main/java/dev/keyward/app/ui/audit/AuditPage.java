package dev.keyward.app.ui.audit;

import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.audit.AuditCursor;
import dev.keyward.vault.audit.AuditEntry;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The audit log, newest first, filtered by category, one page at a time ("Load more"). */
public final class AuditPage implements Page {

    /** The categories of seed 002's audit_log CHECK constraint. */
    static final List<String> CATEGORIES = List.of("profile", "secret", "project", "settings", "provider", "backup",
            "automation", "dashboard", "discovery", "retention", "job");
    static final int PAGE_SIZE = 50;
    private static final String ALL = "All categories";

    private final PageContext ctx;
    private final ComboBox<String> category = new ComboBox<>();
    private final TableView<AuditEntry> table = new TableView<>();
    private final Button more = new Button("Load _more");
    private final Label status = new Label();
    private final VBox view;
    private AuditCursor cursor;

    public AuditPage(PageContext ctx) {
        this.ctx = ctx;
        category.setId("audit-category");
        category.getItems().add(ALL);
        category.getItems().addAll(CATEGORIES);
        category.setValue(ALL);
        category.valueProperty().addListener((o, a, b) -> reload());
        table.setId("audit-table");
        dev.keyward.app.ui.TableHeaders.keepWhole(table);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(dev.keyward.app.ui.EmptyText.of("No entries."));
        table.getColumns().setAll(List.of(
                column("When (UTC)", 190, AuditEntry::occurredAt),
                column("Category", 90, AuditEntry::category),
                column("Action", 110, AuditEntry::action),
                column("Subject", 90, AuditEntry::subjectType),
                column("By", 50, AuditEntry::actor),
                column("Details", 340, e -> e.detailsJson() == null ? "" : e.detailsJson())));
        more.setId("audit-more");
        more.setOnAction(e -> loadPage());
        status.setId("audit-status");
        Label filter = new Label("Category");
        filter.setLabelFor(category);
        VBox.setVgrow(table, Priority.ALWAYS);
        view = new VBox(10, new HBox(8, filter, category), table, new HBox(8, more, status));
        view.setPadding(new Insets(16));
        view.setId("audit-page");
        reload();
    }

    private static TableColumn<AuditEntry, String> column(String title, double width, Function<AuditEntry, String> text) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    /** The first page of entries again, in the chosen category (also when the vault changed elsewhere). */
    @Override
    public void reload() {
        cursor = null;
        table.getItems().clear();
        loadPage();
    }

    private void loadPage() {
        String chosen = ALL.equals(category.getValue()) ? null : category.getValue();
        AuditCursor after = cursor;
        more.setDisable(true);
        ctx.work().run(() -> ctx.session().database().read(c -> ctx.session().audit().page(c, chosen, after, PAGE_SIZE)),
                page -> {
                    table.getItems().addAll(page);
                    if (!page.isEmpty()) {
                        cursor = AuditCursor.after(page.get(page.size() - 1));
                    }
                    boolean full = page.size() == PAGE_SIZE;
                    more.setDisable(!full);
                    status.setText(table.getItems().size() + " entries shown" + (full ? "" : "; that is all."));
                }, error -> {
                    more.setDisable(false);
                    status.setText(UserMessages.describe(error));
                });
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focusSearch() {
        category.requestFocus();
    }
}
