package dev.keyward.app.ui.automation;

import dev.keyward.app.ui.PageContext;
import dev.keyward.automation.generate.GeneratedProgram;
import dev.keyward.automation.generate.GenerationRequest;
import dev.keyward.automation.scripts.AutomationScript;
import java.nio.file.Path;

/** What the automation page's buttons do: import, generate, approve, reject and run, each off the JavaFX thread. */
final class ProgramActions implements ReviewPane.Actions {

    /** Longest program file read; the format's own limit is a million characters. */
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private final PageContext ctx;
    private final AutomationPage page;
    private final RunPanel runs;

    ProgramActions(PageContext ctx, AutomationPage page, RunPanel runs) {
        this.ctx = ctx;
        this.page = page;
        this.runs = runs;
    }

    /** Reads a JSON file, validates and stores it; problems (step and field) are shown on the page. */
    void importFile() {
        Path file = ctx.files().chooseFileToOpen(ctx.owner(), "Import a step program (JSON)");
        if (file == null) {
            return;
        }
        ctx.work().run(() -> ctx.services().scripts().importProgram(read(file), null), outcome -> {
            AutomationScript s = outcome.script();
            page.say(switch (outcome.kind()) {
                case CREATED -> "Imported '" + s.title() + "' as version 1, pending your approval.";
                case UPDATED -> "Updated '" + s.title() + "' to version " + s.version() + "; it needs approval again.";
                case UNCHANGED -> "'" + s.title() + "' is unchanged (version " + s.version() + ").";
            });
            page.reload(s.id());
        }, page::fail);
    }

    private static String read(Path file) {
        // A size check before Files.readString is not enough: a device such as /dev/zero reports size 0.
        return dev.keyward.vault.io.UserFiles.readUtf8(file, MAX_FILE_BYTES);
    }

    /** Asks for provider, task and sentence, then writes the program behind a progress layer with Cancel. */
    void generate() {
        ctx.work().run(() -> ctx.session().providers().list(),
                providers -> ProgramForms.generate(ctx.owner(), providers, this::generate), page::fail);
    }

    private void generate(GenerationRequest request) {
        ctx.longWork().run("Writing a step program for " + request.providerSlug() + "…",
                () -> ctx.services().generateProgram(request, false), (GeneratedProgram generated) -> {
            page.say("Generated '" + generated.program().title() + "' (written by " + generated.modelUsed()
                    + "); it is pending: review its steps and approve it before it runs."
                    + (generated.research().notes().isEmpty() ? "" : " " + String.join(" ", generated.research().notes())));
            page.reload(generated.scriptId());
        }, page::fail, generated -> { }, () -> page.say("Generation cancelled; a program that still arrives is"
                + " stored as pending and shows up on the next refresh."));
    }

    @Override
    public void approve(ProgramFacts facts) {
        ProgramForms.confirmApproval(ctx.owner(), facts, () -> ctx.work().run(
                () -> ctx.services().scripts().approve(facts.script().id()), s -> {
                    page.say("Approved '" + s.title() + "' version " + s.version() + ".");
                    page.reload(s.id());
                }, page::fail));
    }

    @Override
    public void reject(ProgramFacts facts) {
        ctx.work().run(() -> ctx.services().scripts().reject(facts.script().id()), s -> {
            page.say("Rejected '" + s.title() + "'; it will not run unless you approve it.");
            page.reload(s.id());
        }, page::fail);
    }

    @Override
    public void run(ProgramFacts facts) {
        if (runs.running()) {
            page.say("A run is going; stop it or wait for it to end first.");
            return;
        }
        ProgramForms.runInputs(ctx.owner(), facts.program(), inputs -> {
            page.say("");
            runs.start(ctx.services(), facts, inputs, new CheckpointDialog(ctx.owner(), ctx.notifier()));
        });
    }
}
