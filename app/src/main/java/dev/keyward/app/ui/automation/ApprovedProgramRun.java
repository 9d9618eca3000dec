package dev.keyward.app.ui.automation;

import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.automation.runner.ExecutionStatus;
import dev.keyward.automation.runner.RunObserver;
import dev.keyward.automation.runner.RunOptions;
import dev.keyward.automation.runner.RunResult;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs an approved step program from another page (the key-hygiene view's rotation action): asks for the
 * program's inputs, stops at every checkpoint in the checkpoint dialog as a run from the Automation page does, and
 * tells the caller in one sentence how it ended. The run is recorded like any other.
 */
public final class ApprovedProgramRun {

    private ApprovedProgramRun() {
    }

    /**
     * Starts the run of {@code scriptId}; {@code say} gets sentences on the JavaFX thread and {@code ended} runs once
     * the run is over or did not start.
     */
    public static void start(PageContext ctx, String scriptId, Consumer<String> say, Runnable ended) {
        ctx.work().run(() -> ProgramFacts.of(ctx.services().scripts(), ctx.services().scripts().get(scriptId)), facts -> {
            if (facts.program() == null) {
                say.accept("The program cannot run: " + facts.problem());
                ended.run();
                return;
            }
            ProgramForms.runInputs(ctx.owner(), facts.program(), inputs -> {
                say.accept("Running '" + facts.script().title() + "'; checkpoints ask in their own window.");
                CheckpointDialog human = new CheckpointDialog(ctx.owner(), ctx.notifier());
                // A run may wait minutes at a checkpoint, so it gets a thread of its own rather than the page's worker.
                Thread thread = new Thread(() -> {
                    String sentence;
                    try {
                        RunResult result = ctx.services().programRunner().run(scriptId, RunOptions.defaults(inputs), human,
                                RunObserver.NONE);
                        sentence = "Run of '" + facts.script().title() + "' finished: " + result.status().dbValue()
                                + (result.error() != null ? ". " + result.error() : ".")
                                + (result.status() == ExecutionStatus.SUCCESS ? " Refresh the dashboard to see the new key." : "");
                    } catch (RuntimeException e) {
                        sentence = "The run did not start: " + UserMessages.describe(e);
                    }
                    String told = sentence;
                    Platform.runLater(() -> {
                        say.accept(told);
                        ended.run();
                    });
                }, "keyward-hygiene-run");
                thread.setDaemon(true);
                thread.start();
            });
        }, error -> {
            say.accept(UserMessages.describe(error));
            ended.run();
        });
    }
}
