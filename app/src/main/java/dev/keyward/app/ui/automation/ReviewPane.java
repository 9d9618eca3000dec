package dev.keyward.app.ui.automation;

import dev.keyward.automation.scripts.ApprovalStatus;
import dev.keyward.automation.scripts.AutomationScript;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The review of the selected program: every step in order with its kind, target, risk and whether a human
 * is asked before it, the domains it may open and the placeholders it uses; Approve, Reject and Run.
 */
final class ReviewPane extends VBox {

    /** What the buttons ask the page to do with the shown program. */
    interface Actions {
        void approve(ProgramFacts facts);

        void reject(ProgramFacts facts);

        void run(ProgramFacts facts);
    }

    private final Label title = new Label("Choose a program to review it.");
    private final Label details = new Label();
    private final Label domains = new Label();
    private final Label placeholders = new Label();
    private final Label problem = new Label();
    private final TableView<ProgramFacts.StepLine> steps = new TableView<>();
    private final Button approve = new Button("Appr_ove…");
    private final Button reject = new Button("Re_ject");
    private final Button run = new Button("R_un…");
    private ProgramFacts shown;

    ReviewPane(Actions actions) {
        super(8);
        setId("review-pane");
        title.setId("review-title");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        details.setId("review-details");
        details.setWrapText(true);
        domains.setId("review-domains");
        domains.setWrapText(true);
        placeholders.setId("review-placeholders");
        placeholders.setWrapText(true);
        problem.setId("review-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("danger");
        steps.setId("review-steps");
        dev.keyward.app.ui.TableHeaders.keepWhole(steps);
        steps.setPlaceholder(dev.keyward.app.ui.EmptyText.of("No program selected."));
        steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        steps.getColumns().setAll(List.of(
                column("#", 40, 36, s -> Integer.toString(s.index())),
                column("Step", 130, 60, ProgramFacts.StepLine::id),
                column("Kind", 90, 60, ProgramFacts.StepLine::kind),
                column("Target", 200, 80, ProgramFacts.StepLine::target),
                column("Asks a human", 130, 130, s -> s.gated() ? "yes" : "no"),
                column("Risk", 260, 60, ProgramFacts.StepLine::risk)));
        steps.setPrefHeight(260);
        steps.setMinHeight(110);
        for (Label l : new Label[] {title, details, domains, placeholders, problem}) {
            // Wrapped labels keep all their lines only when their min height follows them.
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        for (Button b : new Button[] {approve, reject, run}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        approve.setId("review-approve");
        reject.setId("review-reject");
        run.setId("review-run");
        approve.setOnAction(e -> actions.approve(shown));
        reject.setOnAction(e -> actions.reject(shown));
        run.setOnAction(e -> actions.run(shown));
        getChildren().addAll(title, new FlowPane(8, 8, approve, reject, run), details, steps, domains, placeholders, problem);
        VBox.setVgrow(steps, Priority.ALWAYS);
        show(null);
    }

    /** A column at {@code width}, never narrower than {@code min} so its header stays readable. */
    private static TableColumn<ProgramFacts.StepLine, String> column(String name, double width, double min,
            Function<ProgramFacts.StepLine, String> value) {
        TableColumn<ProgramFacts.StepLine, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        return c;
    }

    ProgramFacts shown() {
        return shown;
    }

    /** Shows a program's review, or the empty pane for null. */
    void show(ProgramFacts facts) {
        shown = facts;
        if (facts == null) {
            title.setText("Choose a program to review it.");
            details.setText("");
            domains.setText("");
            placeholders.setText("");
            problem.setText("");
            steps.getItems().clear();
            approve.setDisable(true);
            reject.setDisable(true);
            run.setDisable(true);
            return;
        }
        AutomationScript s = facts.script();
        title.setText(s.title());
        details.setText(s.providerSlug() + " · " + s.taskType().dbValue() + " · version " + s.version() + " · "
                + approvalText(s) + " · written by " + s.modelUsed() + " · " + s.executionCount() + " run(s)"
                + (s.lastExecutionStatus() == null ? "" : ", last " + s.lastExecutionStatus())
                + (facts.program() == null ? "" : " · " + facts.gatedCount() + " of " + facts.steps().size()
                        + " steps ask a human first"));
        steps.getItems().setAll(facts.steps());
        domains.setText(facts.program() == null ? ""
                : "Allowed domains: " + String.join(", ", facts.program().allowedDomains())
                        + ". The browser refuses every other address.");
        placeholders.setText(facts.placeholders().isEmpty() ? "Placeholders: none."
                : "Placeholders (names only, filled in at run time):\n  " + String.join("\n  ", facts.placeholders()));
        problem.setText(facts.problem() == null ? "" : facts.problem());
        boolean valid = facts.program() != null;
        approve.setDisable(!valid || s.approved());
        reject.setDisable(s.approvalStatus() == ApprovalStatus.REJECTED);
        run.setDisable(!valid || !s.approved());
    }

    /** Disables Run while another run is going (one at a time). */
    void runAllowed(boolean allowed) {
        run.setDisable(!allowed || shown == null || shown.program() == null || !shown.script().approved());
    }

    private static String approvalText(AutomationScript s) {
        return switch (s.approvalStatus()) {
            case APPROVED -> "approved" + (s.approvedAt() == null ? "" : " at " + s.approvedAt());
            case PENDING -> "pending approval of this version";
            case REJECTED -> "rejected";
        };
    }
}
