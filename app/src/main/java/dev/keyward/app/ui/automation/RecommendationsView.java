package dev.keyward.app.ui.automation;

import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.llm.SessionLlm;
import dev.keyward.automation.recommend.Recommendation;
import dev.keyward.automation.recommend.RecommendationService;
import dev.keyward.automation.recommend.ScanResult;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.projects.ProjectInfo;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
        Button browse = button("_Browse…", "recommend-browse", this::browse);
        Button scan = button("_Find services", "recommend-scan", this::scan);
        Button accept = button("_Accept", "recommend-accept", () -> decide(RecommendationService::accept));
        Button reject = button("Re_ject", "recommend-reject", () -> decide(RecommendationService::reject));
        table.setId("recommend-table");
        table.setPlaceholder(new Label("No recommendations yet. Choose a project folder and find services."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Service", 140, Recommendation::recommendedServiceName),
                column("Need", 100, Recommendation::capabilityNeeded),
                column("Score", 55, r -> String.format(Locale.ROOT, "%.2f", r.matchScore())),
                column("Free tier", 65, r -> r.freeTierAvailable() == null ? "?" : r.freeTierAvailable() ? "yes" : "no"),
                column("Status", 75, Recommendation::userStatus),
                column("Why", 420, r -> r.rationale() + " (\"" + r.requirementText() + "\")")));
        status.setId("recommend-status");
        status.setWrapText(true);
        Label projectLabel = new Label("_Project");
        projectLabel.setMnemonicParsing(true);
        projectLabel.setLabelFor(project);
        getChildren().addAll(new HBox(8, projectLabel, project, folder, browse, scan), table,
                new HBox(8, accept, reject), status);
        VBox.setVgrow(table, Priority.ALWAYS);
        ctx.work().run(() -> ctx.session().projects().list(), projects -> project.getItems()
                .addAll(projects.stream().map(ProjectInfo::name).toList()), this::fail);
        refresh();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TableColumn<Recommendation, String> column(String title, double width,
            Function<Recommendation, String> value) {
        TableColumn<Recommendation, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
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
            folder.setText((Files.isDirectory(file) ? file : file.toAbsolutePath().getParent()).toString());
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
            Optional<LlmClient> llm = SessionLlm.open(ctx.session(),
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), SessionLlm.DEFAULT_TIMEOUT);
            try {
                RecommendationService service = new RecommendationService(ctx.session(), llm);
                if (!typed.isEmpty()) {
                    Path dir = Path.of(typed);
                    if (!Files.isDirectory(dir)) {
                        throw new InvalidInputException("The folder " + typed + " does not exist; choose a project folder.");
                    }
                    return service.scanFolder(dir, name, RecommendationService.DEFAULT_PER_NEED);
                }
                return service.scanProject(name, RecommendationService.DEFAULT_PER_NEED);
            } finally {
                llm.ifPresent(LlmClient::close);
            }
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
        ctx.work().run(() -> new RecommendationService(ctx.session(), Optional.empty()).list(name),
                table.getItems()::setAll, this::fail);
    }

    private void decide(BiFunction<RecommendationService, String, Recommendation> decision) {
        Recommendation chosen = table.getSelectionModel().getSelectedItem();
        if (chosen == null) {
            status.setText("Choose a recommendation first.");
            return;
        }
        ctx.work().run(() -> decision.apply(new RecommendationService(ctx.session(), Optional.empty()), chosen.id()),
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
