package dev.keyward.app.ui.automation;

import dev.keyward.app.session.SessionServices;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.automation.runner.CheckpointGate;
import dev.keyward.automation.runner.ExecutionStatus;
import dev.keyward.automation.runner.RunOptions;
import dev.keyward.automation.runner.RunResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One program run at a time, in the background: the live step log, the runner's notices, a Stop button,
 * and at the end the final status with the runner's redacted error. Checkpoints go to the desktop's dialog.
 */
final class RunPanel extends VBox {

    private final ObservableList<StepLogEntry> log = FXCollections.observableArrayList();
    private final ListView<String> notices = new ListView<>();
    private final Label heading = new Label("No run yet.");
    private final Label outcome = new Label();
    private final Button stop = new Button("Stop ru_n");
    private final Runnable onFinished;
    private LiveRunObserver observer;
    private StoppableGate gate;

    /** @param onFinished runs on the JavaFX thread after every run (the list's counters changed) */
    RunPanel(Runnable onFinished) {
        super(8);
        this.onFinished = onFinished;
        setId("run-panel");
        heading.setId("run-heading");
        heading.getStyleClass().add("title-4");
        TableView<StepLogEntry> table = new TableView<>(log);
        table.setId("run-log");
        dev.keyward.app.ui.TableHeaders.keepWhole(table);
        Label none = new Label("Start a run to see each step here.");
        none.setWrapText(true);
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(column("#", 40, 36, e -> Integer.toString(e.index())),
                column("Step", 150, 60, StepLogEntry::stepId), column("Kind", 90, 60, StepLogEntry::type),
                column("Status", 100, 70, StepLogEntry::status), column("Detail", 300, 70, StepLogEntry::detail)));
        table.setPrefHeight(220);
        table.setMinHeight(90);
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        notices.setId("run-notices");
        notices.setPrefHeight(70);
        notices.setMinHeight(50);
        outcome.setId("run-outcome");
        outcome.setWrapText(true);
        stop.setId("run-stop");
        stop.setDisable(true);
        stop.setOnAction(e -> stop());
        getChildren().addAll(new HBox(12, heading, stop), table, notices, outcome);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /** A column at {@code width}, never narrower than {@code min} so its header stays readable. */
    private static TableColumn<StepLogEntry, String> column(String title, double width, double min,
            Function<StepLogEntry, String> value) {
        TableColumn<StepLogEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        return c;
    }

    boolean running() {
        return observer != null;
    }

    /** Starts a run of the reviewed program on a thread of its own (a run may wait minutes at a checkpoint). */
    void start(SessionServices services, ProgramFacts facts, Map<String, String> inputs, CheckpointGate human) {
        if (running()) {
            return;
        }
        log.setAll(facts.steps().stream().map(s -> new StepLogEntry(s.index(), s.id(), s.kind(), "not_started", 0, ""))
                .toList());
        notices.getItems().clear();
        outcome.setText("");
        heading.setText("Running '" + facts.script().title() + "' (version " + facts.script().version() + ")");
        gate = new StoppableGate(human);
        observer = new LiveRunObserver(log, notices.getItems()::add, this::finished);
        LiveRunObserver runObserver = observer;
        StoppableGate runGate = gate;
        String scriptId = facts.script().id();
        Task<RunResult> task = new Task<>() {
            @Override
            protected RunResult call() {
                return services.programRunner().run(scriptId, RunOptions.defaults(inputs), runGate, runObserver);
            }
        };
        // A result arrives through the observer's runFinished; a failure before the run began arrives here.
        task.setOnFailed(e -> refused(task.getException()));
        Thread thread = new Thread(task, "keyward-automation-run");
        thread.setDaemon(true);
        stop.setDisable(false);
        thread.start();
    }

    /** Stops the run: an open checkpoint is rejected now, otherwise the run ends before its next step. */
    void stop() {
        if (observer == null) {
            return;
        }
        stop.setDisable(true);
        notices.getItems().add("Stopping: the run ends at its next checkpoint or step.");
        observer.requestStop();
        gate.stop();
    }

    private void finished(RunResult result) {
        ended();
        outcome.setText("Run finished: " + result.status().dbValue()
                + (result.error() != null ? ". " + result.error() : ".")
                + (result.status() == ExecutionStatus.SUCCESS && !result.outputs().isEmpty()
                        ? " Outputs: " + String.join(", ", result.outputs().keySet()) + "." : ""));
        result.outputs().forEach((k, v) -> notices.getItems().add("output " + k + " = " + v));
        onFinished.run();
    }

    private void refused(Throwable error) {
        ended();
        outcome.setText("The run did not start: " + UserMessages.describe(error));
        onFinished.run();
    }

    private void ended() {
        observer = null;
        gate = null;
        stop.setDisable(true);
    }
}
