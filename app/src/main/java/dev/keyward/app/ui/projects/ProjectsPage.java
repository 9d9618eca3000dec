package dev.keyward.app.ui.projects;

import dev.keyward.app.ui.Buttons;
import dev.keyward.app.ui.FormDialog;
import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.projects.ProjectInfo;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.secrets.SecretService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Projects and their environment variables: create a project, link secrets to variable names,
 * import a .env file after a preview, and export the variables to a file only the owner can read.
 */
public final class ProjectsPage implements Page {

    private final PageContext ctx;
    private final ListView<ProjectInfo> projects = new ListView<>();
    private final TableView<ProjectLink> links = new TableView<>();
    private final Label status = new Label();
    private final BorderPane view = new BorderPane();

    public ProjectsPage(PageContext ctx) {
        this.ctx = ctx;
        projects.setId("projects-list");
        projects.setPrefWidth(220);
        projects.setPlaceholder(dev.keyward.app.ui.EmptyText.of("No projects yet."));
        projects.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProjectInfo p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + " (" + p.linkCount() + ")");
            }
        });
        projects.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> loadLinks());
        Button create = Buttons.of("_New project…", "project-create", this::createProject);
        VBox left = new VBox(8, projects, create);
        VBox.setVgrow(projects, Priority.ALWAYS);

        links.setId("project-links");

        dev.keyward.app.ui.TableHeaders.keepWhole(links);
        links.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        links.setPlaceholder(dev.keyward.app.ui.EmptyText.of("No variables. Link a secret or import a .env file."));
        TableColumn<ProjectLink, String> var = new TableColumn<>("Variable");
        var.setPrefWidth(220);
        var.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().envVar()));
        TableColumn<ProjectLink, String> secret = new TableColumn<>("Secret");
        secret.setPrefWidth(260);
        secret.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().secretName()));
        links.getColumns().setAll(List.of(var, secret));
        FlowPane actions = new FlowPane(8, 8,
                Buttons.of("Link s_ecret…", "project-link", this::linkSecret),
                Buttons.of("_Unlink", "project-unlink", this::unlink),
                Buttons.of("I_mport .env…", "project-import", this::importEnv),
                Buttons.of("E_xport .env…", "project-export", this::exportEnv));
        status.setId("projects-status");
        status.setWrapText(true);
        VBox right = new VBox(8, links, actions, status);
        VBox.setVgrow(links, Priority.ALWAYS);
        view.setLeft(left);
        view.setCenter(right);
        BorderPane.setMargin(right, new Insets(0, 0, 0, 12));
        view.setPadding(new Insets(16));
        view.setId("projects-page");
        load(null);
    }

    /** The vault changed elsewhere: the projects again, the same one chosen, and its variables again. */
    @Override
    public void reload() {
        load(null, true);
    }

    private void load(String select) {
        load(select, false);
    }

    private void load(String select, boolean linksToo) {
        String keep = select != null ? select : selectedName();
        ctx.work().run(() -> ctx.session().projects().list(), list -> {
            projects.getItems().setAll(list);
            list.stream().filter(p -> p.name().equals(keep)).findFirst()
                    .ifPresentOrElse(p -> projects.getSelectionModel().select(p), () -> {
                        if (!list.isEmpty()) {
                            projects.getSelectionModel().select(0);
                        }
                    });
            if (linksToo) {
                // The same project chosen again does not count as a new choice, so its links load here.
                loadLinks();
            }
        }, this::fail);
    }

    private void loadLinks() {
        String name = selectedName();
        if (name == null) {
            links.getItems().clear();
            return;
        }
        ctx.work().run(() -> ctx.session().projects().links(name), links.getItems()::setAll, this::fail);
    }

    private String selectedName() {
        ProjectInfo p = projects.getSelectionModel().getSelectedItem();
        return p == null ? null : p.name();
    }

    private void createProject() {
        FormDialog form = new FormDialog(ctx.owner(), "New project", "Create");
        TextField name = form.addRow("_Name", new TextField());
        name.setId("project-name");
        TextField description = form.addRow("_Description", new TextField());
        form.setOnSubmit(f -> {
            f.busy(true);
            ctx.work().run(() -> ctx.session().projects().create(name.getText().trim(), description.getText().trim()),
                    created -> {
                        f.finish();
                        load(created.name());
                    }, error -> f.showError(UserMessages.describe(error)));
        });
        form.show();
        name.requestFocus();
    }

    private void linkSecret() {
        String project = requireProject();
        if (project == null) {
            return;
        }
        FormDialog form = new FormDialog(ctx.owner(), "Link a secret to " + project, "Link");
        ComboBox<String> secret = form.addRow("_Secret", new ComboBox<>());
        secret.setId("link-secret");
        TextField var = form.addRow("_Variable", new TextField());
        var.setId("link-variable");
        secret.valueProperty().addListener((o, a, b) -> {
            if (b != null && var.getText().isBlank()) {
                var.setText(b.replaceAll(".*/", "").replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(java.util.Locale.ROOT));
            }
        });
        ctx.work().run(() -> ctx.session().secrets().list().stream().map(SecretInfo::name).toList(),
                secret.getItems()::setAll, error -> form.showError(UserMessages.describe(error)));
        form.setOnSubmit(f -> {
            f.busy(true);
            ctx.work().run(() -> ctx.session().projects().link(project, secret.getValue(), var.getText().trim()),
                    linked -> {
                        f.finish();
                        load(project);
                    }, error -> f.showError(UserMessages.describe(error)));
        });
        form.show();
    }

    private void unlink() {
        String project = requireProject();
        ProjectLink link = links.getSelectionModel().getSelectedItem();
        if (project == null || link == null) {
            status.setText("Choose a variable to unlink.");
            return;
        }
        ctx.work().run(() -> {
            ctx.session().projects().unlink(project, link.envVar());
            return true;
        }, ok -> {
            status.setText("Unlinked " + link.envVar() + "; the secret itself is kept.");
            load(project);
        }, this::fail);
    }

    private void importEnv() {
        String project = requireProject();
        if (project == null) {
            return;
        }
        Path file = ctx.files().chooseFileToOpen(ctx.owner(), "Import a .env file into " + project);
        if (file != null) {
            new EnvImportFlow(ctx, status::setText, () -> load(project)).start(project, file);
        }
    }

    private void exportEnv() {
        String project = requireProject();
        if (project == null) {
            return;
        }
        Path file = ctx.files().chooseFileToSave(ctx.owner(), "Export " + project + " as a .env file", project + ".env");
        if (file == null) {
            return;
        }
        ctx.longWork().run("Writing " + file.getFileName() + "…",
                () -> EnvFiles.export(file, () -> ctx.session().projects().environment(project, SecretService.Purpose.EXPORT)), count -> status.setText("Exported " + count + " variables to " + file
                + ". Only your user can read the file; delete it when you no longer need it."), this::fail);
    }

    private String requireProject() {
        String name = selectedName();
        if (name == null) {
            status.setText("Choose or create a project first.");
        }
        return name;
    }

    private void fail(Throwable error) {
        status.setText(UserMessages.describe(error));
    }

    static void wipe(Map<String, char[]> entries) {
        entries.values().forEach(Wipe::chars);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focusSearch() {
        projects.requestFocus();
    }
}
