package dev.keyward.app.cli;

import dev.keyward.automation.runner.RunObserver;
import dev.keyward.automation.runner.RunResult;
import dev.keyward.automation.runner.StepOutcome;
import java.io.PrintStream;

/** Prints a run's progress on the terminal: one line per step, notices, the end. Texts arrive redacted. */
final class CliRunObserver implements RunObserver {

    private final PrintStream out;
    private int total;

    CliRunObserver(PrintStream out) {
        this.out = out;
    }

    @Override
    public void runStarted(String executionId, String title, int steps) {
        total = steps;
        out.println("Running '" + title + "' (" + steps + " steps), run " + executionId);
    }

    @Override
    public void stepFinished(int index, StepOutcome outcome) {
        out.printf("  [%d/%d] %-22s %-15s %s%n", index + 1, total, outcome.stepId(), outcome.status().jsonName(),
                outcome.error() != null ? outcome.error() : outcome.note() != null ? outcome.note() : "");
    }

    @Override
    public void notice(String text) {
        out.println(text);
    }

    @Override
    public void runFinished(RunResult result) {
        out.println("Run " + result.executionId() + ": " + result.status().dbValue()
                + (result.error() != null ? " - " + result.error() : "."));
        result.outputs().forEach((k, v) -> out.println("  output " + k + " = " + v));
        out.flush();
    }
}
