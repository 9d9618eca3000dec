package dev.keyward.app.ui.automation;

import dev.keyward.automation.runner.RunObserver;
import dev.keyward.automation.runner.RunResult;
import dev.keyward.automation.runner.StepOutcome;
import dev.keyward.vault.OperationFailedException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ObservableList;

/**
 * Carries a run's progress from the runner's thread to the live step log on the JavaFX thread, and stops
 * the run at the next step when the user asked to. The runner hands over texts already redacted.
 */
final class LiveRunObserver implements RunObserver {

    private final ObservableList<StepLogEntry> log;
    private final Consumer<String> notices;
    private final Consumer<RunResult> finished;
    private volatile boolean stopRequested;

    LiveRunObserver(ObservableList<StepLogEntry> log, Consumer<String> notices, Consumer<RunResult> finished) {
        this.log = log;
        this.notices = notices;
        this.finished = finished;
    }

    /** The run ends before its next step starts (a step already running finishes or times out first). */
    void requestStop() {
        stopRequested = true;
    }

    @Override
    public void runStarted(String executionId, String title, int steps) {
        Platform.runLater(() -> notices.accept("Run " + shortId(executionId) + " of '" + title + "' started ("
                + steps + " steps)."));
    }

    @Override
    public void stepStarted(int index, String stepId, String type) {
        if (stopRequested) {
            // The runner ends the run with this sentence (a vault error's message is shown as it is).
            throw new OperationFailedException("Stopped by you before step '" + stepId + "'; the steps before it ran.");
        }
        update(index, e -> e.with(StepLogEntry.RUNNING, e.attempts(), ""));
    }

    @Override
    public void stepFinished(int index, StepOutcome outcome) {
        String detail = outcome.error() != null ? outcome.error() : outcome.note();
        update(index, e -> e.with(outcome.status().jsonName(), outcome.attempts(), detail));
    }

    @Override
    public void notice(String text) {
        Platform.runLater(() -> notices.accept(text));
    }

    @Override
    public void runFinished(RunResult result) {
        Platform.runLater(() -> {
            for (StepOutcome o : result.steps()) {
                int i = indexOf(o.stepId());
                if (i >= 0 && StepLogEntry.RUNNING.equals(log.get(i).status())) {
                    log.set(i, log.get(i).with(o.status().jsonName(), o.attempts(), o.error()));
                }
            }
            finished.accept(result);
        });
    }

    private void update(int index, java.util.function.UnaryOperator<StepLogEntry> change) {
        Platform.runLater(() -> {
            if (index >= 0 && index < log.size()) {
                log.set(index, change.apply(log.get(index)));
            }
        });
    }

    private int indexOf(String stepId) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).stepId().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    private static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }
}
