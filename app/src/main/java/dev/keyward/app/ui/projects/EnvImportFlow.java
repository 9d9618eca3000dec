package dev.keyward.app.ui.projects;

import dev.keyward.app.ui.FormDialog;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvFile;
import dev.keyward.vault.projects.EnvImportPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Importing a .env file: read and parse it in the background, plan the import
 * ({@code ProjectService.planImport}), show the preview, and import only on confirmation.
 */
final class EnvImportFlow {

    private final PageContext ctx;
    private final Consumer<String> status;
    private final Runnable onImported;

    EnvImportFlow(PageContext ctx, Consumer<String> status, Runnable onImported) {
        this.ctx = ctx;
        this.status = status;
        this.onImported = onImported;
    }

    void start(String project, Path file) {
        ctx.longWork().run("Reading " + file.getFileName() + "…", () -> {
            char[] text = EnvFiles.read(file);
            DotenvFile.Contents contents;
            try {
                contents = ctx.dotenv().parse(text);
            } finally {
                Wipe.chars(text);
            }
            Map<String, char[]> entries = contents.values();
            try {
                return new Parsed(entries, ctx.session().projects().planImport(project, entries), contents.repeatedKeys());
            } catch (RuntimeException e) {
                ProjectsPage.wipe(entries);
                throw e;
            }
        }, parsed -> EnvImportPreview.show(ctx.owner(), file.getFileName().toString(), parsed.plan, parsed.repeatedKeys,
                        f -> confirm(f, project, parsed), parsed::closed),
                error -> status.accept(UserMessages.describe(error)), Parsed::wipe,
                () -> status.accept("Import cancelled."));
    }

    private void confirm(FormDialog form, String project, Parsed parsed) {
        form.busy(true);
        parsed.importing = true;
        ctx.work().run(() -> ctx.session().projects().importEnv(project, parsed.entries), done -> {
            parsed.importEnded();
            status.accept("Imported into " + project + ": " + done.added().size() + " added, "
                    + done.changed().size() + " changed.");
            form.finish();
            onImported.run();
        }, error -> {
            parsed.importEnded();
            form.showError(UserMessages.describe(error));
        });
    }

    /**
     * The parsed file and its plan. The values are wiped when the preview closes, unless an
     * import still reads them; then the import wipes them when it ends. Used on the JavaFX thread.
     */
    private static final class Parsed {
        final Map<String, char[]> entries;
        final EnvImportPlan plan;
        final Map<String, java.util.List<Integer>> repeatedKeys;
        boolean importing;
        boolean closed;

        Parsed(Map<String, char[]> entries, EnvImportPlan plan, Map<String, java.util.List<Integer>> repeatedKeys) {
            this.entries = entries;
            this.plan = plan;
            this.repeatedKeys = repeatedKeys;
        }

        void closed() {
            closed = true;
            if (!importing) {
                wipe();
            }
        }

        void importEnded() {
            importing = false;
            if (closed) {
                wipe();
            }
        }

        void wipe() {
            ProjectsPage.wipe(entries);
        }
    }
}
