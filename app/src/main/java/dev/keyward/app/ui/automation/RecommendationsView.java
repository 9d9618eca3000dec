package dev.keyward.app.ui.automation;

import dev.keyward.app.ui.Buttons;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.automation.recommend.Recommendation;
import dev.keyward.automation.recommend.RecommendationService;
import dev.keyward.automation.recommend.ScanResult;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.projects.ProjectInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Service recommendations: read a project's markdown (a folder, or a project whose folder is recorded),
 * list the catalog services for the needs it states with the reasons, and accept or reject each one.
 */
final class RecommendationsView extends VBox {

    private static final String NO_PROJECT = "(no project)";

    private final PageContext ctx;
    private final ComboBox<String> project = new ComboBox<>();
    private final TextField folder = new TextField();
    private final TableView<Recommendation> table = new TableView<>();
    private final Label status = new Label();

    RecommendationsView(PageContext ctx) {
        super(8);
        this.ctx = ctx;
        setId("recommendations-view");
        project.setId("recommend-project");
        project.getItems().add(NO_PROJECT);
        project.setValue(NO_PROJECT);
        project.valueProperty().addListener((o, a, b) -> refresh());
        folder.setId("recommend-folder");
        folder.setPromptText("Project folder (reads README.md and docs/*.md)");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = Buttons.of("_Browse…", "recommend-browse", this::browse);
        Button scan = Buttons.of("_Find services", "recommend-scan", this::scan);
        Button accept = Buttons.of("A_ccept", "recommend-accept", () -> decide(RecommendationService::accept));
        Button reject = Buttons.of("Re_ject", "recommend-reject", () -> decide(RecommendationService::reject));
        table.setId("recommend-table");
        dev.keyward.app.ui.TableHeaders.keepWhole(table);
        table.setPlaceholder(dev.keyward.app.ui.EmptyText.of("No recommendations yet. Choose a project folder and find services."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Service", 140, 75, Recommendation::recommendedServiceName),
                column("Need", 100, 60, Recommendation::capabilityNeeded),
                column("Score", 65, 65, r -> String.format(Locale.ROOT, "%.2f", r.matchScore())),
                column("Free tier", 85, 85, r -> r.freeTierAvailable() == null ? "?" : r.freeTierAvailable() ? "yes" : "no"),
                column("Status", 75, 70, Recommendation::userStatus),
                column("Why", 420, 60, r -> r.rationale() + " (\"" + r.requirementText() + "\")")));
        status.setId("recommend-status");
        status.setWrapText(true);
        Label projectLabel = new Label("Pr_oject");
        projectLabel.setMnemonicParsing(true);
        projectLabel.setLabelFor(project);
        projectLabel.setMinWidth(Region.USE_PREF_SIZE);
        project.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        folder.setMinWidth(160);
        for (Button b : List.of(browse, scan, accept, reject)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox projectRow = new HBox(8, projectLabel, project);
        projectRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox folderRow = new HBox(8, folder, browse, scan);
        // Project and folder wrap onto two rows in a narrow window instead of cutting the buttons.
        FlowPane source = new FlowPane(12, 8, projectRow, folderRow);
        folderRow.prefWidthProperty().bind(widthProperty().subtract(projectRow.widthProperty()).subtract(12)
                .map(w -> Math.max(w.doubleValue(), 360)));
        table.setMinHeight(120);
        getChildren().addAll(source, table, new HBox(8, accept, reject), status);
        VBox.setVgrow(table, Priority.ALWAYS);
        ctx.work().run(() -> ctx.session().projects().list(), projects -> project.getItems()
                .addAll(projects.stream().map(ProjectInfo::name).toList()), this::fail);
        refresh();
    }

    /** A column at {@code width}, never narrower than {@code min} so its header stays readable. */
    private static TableColumn<Recommendation, String> column(String title, double width, double min,
            Function<Recommendation, String> value) {
        TableColumn<Recommendation, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        return c;
    }

    private String projectName() {
        String p = project.getValue();
        return p == null || NO_PROJECT.equals(p) ? null : p;
    }

    /** The platform offers files here, so the user picks the README (or any file) inside the folder. */
    private void browse() {
        Path file = ctx.files().chooseFileToOpen(ctx.owner(), "Choose the project's README.md (or any file in its folder)");
        if (file != null) {
            // Asking the file system can stall on a slow or network drive: not on the JavaFX thread.
            ctx.work().run(() -> (Files.isDirectory(file) ? file : file.toAbsolutePath().getParent()).toString(),
                    folder::setText, this::fail);
        }
    }

    private void scan() {
        String typed = folder.getText() == null ? "" : folder.getText().strip();
        String name = projectName();
        if (typed.isEmpty() && name == null) {
            status.setText("Choose a project folder, or a project whose folder Keyward knows.");
            return;
        }
        ctx.longWork().run("Reading the project's documents…", () -> {
            return ctx.services().withLlm(true, llm -> {
                RecommendationService service = ctx.services().recommendations(llm);
                if (!typed.isEmpty()) {
                    Path dir = Path.of(typed);
                    if (!Files.isDirectory(dir)) {
                        throw new InvalidInputException("The folder " + typed + " does not exist; choose a project folder.");
                    }
                    return service.scanFolder(dir, name, RecommendationService.DEFAULT_PER_NEED);
                }
                return service.scanProject(name, RecommendationService.DEFAULT_PER_NEED);
            });
        }, this::scanned, this::fail);
    }

    private void scanned(ScanResult result) {
        status.setText("Read " + (result.documents().isEmpty() ? "no markdown" : String.join(", ", result.documents()))
                + ": " + result.needs().size() + " need(s), " + result.added().size() + " new recommendation(s), "
                + result.alreadyKnown() + " already known."
                + (result.notes().isEmpty() ? "" : " " + String.join(" ", result.notes())));
        refresh();
    }

    private void refresh() {
        String name = projectName();
        ctx.work().run(() -> ctx.services().recommendations().list(name),
                table.getItems()::setAll, this::fail);
    }

    private void decide(BiFunction<RecommendationService, String, Recommendation> decision) {
        Recommendation chosen = table.getSelectionModel().getSelectedItem();
        if (chosen == null) {
            status.setText("Choose a recommendation first.");
            return;
        }
        ctx.work().run(() -> decision.apply(ctx.services().recommendations(), chosen.id()),
                r -> {
                    status.setText(r.recommendedServiceName() + " for " + r.capabilityNeeded() + ": " + r.userStatus()
                            + ("accepted".equals(r.userStatus()) ? "; the provider is in your profile now." : "."));
                    refresh();
                }, this::fail);
    }

    private void fail(Throwable error) {
        status.setText(UserMessages.describe(error));
    }
}
