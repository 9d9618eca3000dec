package dev.keyward.app.ui.secrets;

import dev.keyward.app.ui.Buttons;
import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.projects.ProjectInfo;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The secrets list: search and filters, masked values with reveal, copy with a self-clearing
 * clipboard, and add, edit, rotate, history and delete.
 */
public final class SecretsPage implements Page {

    private final PageContext ctx;
    private final SecretDialogs dialogs;
    private final ObservableList<SecretRow> rows = FXCollections.observableArrayList();
    private final FilteredList<SecretRow> visible = new FilteredList<>(rows);
    private final TableView<SecretRow> table = new TableView<>(visible);
    private final TextField search = new TextField();
    private final SecretFilterBar filters = new SecretFilterBar();
    private final Label status = new Label();
    private final VBox view;
    private List<String> providerSlugs = List.of();

    public SecretsPage(PageContext ctx) {
        this.ctx = ctx;
        this.dialogs = new SecretDialogs(ctx);
        search.setId("secret-search");
        search.setPromptText("Search names and providers (Ctrl+F)");
        search.textProperty().addListener((o, a, b) -> applyFilter());
        filters.setOnChange(this::applyFilter);
        // The search gets a full line (its prompt is long); the filters and buttons wrap in a narrow window.
        search.setMaxWidth(Double.MAX_VALUE);
        VBox top = new VBox(8, search, filters.view());
        buildTable();
        status.setId("secrets-status");
        status.setWrapText(true);
        VBox.setVgrow(table, Priority.ALWAYS);
        view = new VBox(10, top, table, buttons(), status);
        view.setPadding(new Insets(16));
        view.setId("secrets-page");
        load();
    }

    private void buildTable() {
        table.setId("secrets-table");
        dev.keyward.app.ui.TableHeaders.keepWhole(table);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(dev.keyward.app.ui.EmptyText.of("No secrets yet. Add one with New secret."));
        TableColumn<SecretRow, String> name = column("Name", 220, r -> r.info().name());
        TableColumn<SecretRow, String> provider = column("Provider", 110,
                r -> r.info().providerSlug() == null ? "—" : r.info().providerSlug());
        TableColumn<SecretRow, String> value = new TableColumn<>("Value");
        value.setPrefWidth(260);
        value.setCellValueFactory(c -> c.getValue().shownValue());
        TableColumn<SecretRow, String> version = column("Version", 70, r -> Integer.toString(r.info().version()));
        TableColumn<SecretRow, String> age = column("Age", 80, r -> r.ageDays() + " d");
        TableColumn<SecretRow, String> projects = column("Projects", 160, r -> String.join(", ", r.projects()));
        table.getColumns().setAll(List.of(name, provider, value, version, age, projects));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.C && e.isShortcutDown()) {
                copySelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
            } else if (e.getCode() == KeyCode.ENTER) {
                withSelected(s -> dialogs.edit(s, providerSlugs, this::load));
            }
        });
    }

    private static TableColumn<SecretRow, String> column(String title, double width,
                                                         java.util.function.Function<SecretRow, String> text) {
        TableColumn<SecretRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return c;
    }

    private FlowPane buttons() {
        Button add = Buttons.of("_New secret…", "secret-add", () -> dialogs.add(providerSlugs, this::load));
        Button edit = Buttons.of("_Edit…", "secret-edit", () -> withSelected(s -> dialogs.edit(s, providerSlugs, this::load)));
        Button rotate = Buttons.of("R_otate…", "secret-rotate", () -> withSelected(s -> dialogs.rotate(s, this::load)));
        Button history = Buttons.of("_History…", "secret-history-button", () -> withSelected(dialogs::history));
        Button reveal = Buttons.of("Sho_w / hide", "secret-reveal", this::toggleReveal);
        Button copy = Buttons.of("_Copy", "secret-copy", this::copySelected);
        Button delete = Buttons.of("Re_move…", "secret-delete", this::deleteSelected);
        return new FlowPane(8, 8, add, edit, rotate, history, reveal, copy, delete);
    }

    /** Reloads secrets, their projects and the provider list; revealed values are hidden. */
    public void load() {
        load(false);
    }

    /** The vault changed elsewhere: the rows that did not change keep a revealed value, and the selection stays. */
    @Override
    public void reload() {
        load(true);
    }

    private void load(boolean keepUnchanged) {
        VaultSession s = ctx.session();
        ctx.work().run(() -> {
            List<SecretInfo> secrets = s.secrets().list();
            Map<String, Set<String>> projectsOf = new HashMap<>();
            List<String> projectNames = s.projects().list().stream().map(ProjectInfo::name).toList();
            for (String project : projectNames) {
                for (ProjectLink link : s.projects().links(project)) {
                    projectsOf.computeIfAbsent(link.secretId(), k -> new TreeSet<>()).add(project);
                }
            }
            List<String> slugs = s.providers().list().stream().map(ProviderInfo::slug).toList();
            return new Snapshot(secrets, projectsOf, slugs, projectNames);
        }, snapshot -> show(snapshot, keepUnchanged), error -> status.setText(UserMessages.describe(error)));
    }

    private record Snapshot(List<SecretInfo> secrets, Map<String, Set<String>> projectsOf, List<String> providerSlugs,
                            List<String> projectNames) {
    }

    private void show(Snapshot snapshot, boolean keepUnchanged) {
        Map<String, SecretRow> before = new HashMap<>();
        rows.forEach(r -> before.put(r.info().id(), r));
        SecretRow selected = table.getSelectionModel().getSelectedItem();
        String selectedId = selected == null ? null : selected.info().id();
        Instant now = ctx.session().clock().instant();
        providerSlugs = snapshot.providerSlugs();
        Set<String> usedProviders = new HashSet<>();
        List<SecretRow> shown = snapshot.secrets().stream().map(info -> {
            if (info.providerSlug() != null) {
                usedProviders.add(info.providerSlug());
            }
            Set<String> projects = snapshot.projectsOf().getOrDefault(info.id(), Set.of());
            SecretRow kept = before.get(info.id());
            if (keepUnchanged && kept != null && kept.info().equals(info) && kept.projects().equals(projects)) {
                before.remove(info.id());
                return kept;
            }
            return new SecretRow(info, projects, SecretFilter.ageDays(info, now));
        }).toList();
        // Rows that are not shown again wipe a revealed value.
        before.values().forEach(SecretRow::hide);
        rows.setAll(shown);
        filters.setChoices(new TreeSet<>(usedProviders), snapshot.projectNames(),
                ctx.settings().get().keyAgeWarningDays());
        applyFilter();
        if (selectedId != null) {
            visible.stream().filter(r -> r.info().id().equals(selectedId)).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
    }

    private void applyFilter() {
        SecretFilter f = filters.filter(search.getText());
        visible.setPredicate(r -> f.matches(r.info(), r.projects(), ctx.session().clock().instant()));
    }

    private void toggleReveal() {
        SecretRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            status.setText("Choose a secret first.");
            return;
        }
        if (row.isRevealed()) {
            row.hide();
            return;
        }
        String name = row.info().name();
        ctx.work().run(() -> ctx.session().secrets().reveal(name, SecretService.Purpose.REVEAL), row::reveal,
                error -> status.setText(UserMessages.describe(error)));
    }

    private void copySelected() {
        withSelected(s -> ctx.work().run(() -> ctx.session().secrets().reveal(s.name(), SecretService.Purpose.COPY),
                value -> {
                    int seconds = ctx.settings().get().clipboardClearSeconds();
                    try {
                        ctx.clipboard().copy(value, Duration.seconds(seconds));
                    } finally {
                        Wipe.chars(value);
                    }
                    status.setText("Copied " + s.name() + ". The clipboard clears in " + seconds
                            + " s unless you copy something else.");
                }, error -> status.setText(UserMessages.describe(error))));
    }

    private void deleteSelected() {
        withSelected(s -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                    "Delete " + s.name() + " and its whole history? Projects that use it lose that variable. "
                            + "This cannot be undone.", ButtonType.CANCEL, ButtonType.OK);
            confirm.initOwner(ctx.owner());
            confirm.setTitle("Delete secret");
            confirm.setHeaderText(null);
            ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
            ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
            ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
            confirm.setOnHidden(e -> {
                if (confirm.getResult() == ButtonType.OK) {
                    ctx.work().run(() -> {
                        ctx.session().secrets().remove(s.name());
                        return true;
                    }, ok -> {
                        status.setText("Deleted " + s.name() + ".");
                        load();
                    }, error -> status.setText(UserMessages.describe(error)));
                }
            });
            confirm.show();
        });
    }

    private void withSelected(java.util.function.Consumer<SecretInfo> action) {
        SecretRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            status.setText("Choose a secret first.");
            return;
        }
        action.accept(row.info());
    }

    private void hideAll() {
        rows.forEach(SecretRow::hide);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public void dispose() {
        hideAll();
        rows.clear();
    }
}
