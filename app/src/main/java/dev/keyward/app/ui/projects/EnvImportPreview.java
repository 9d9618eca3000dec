package dev.keyward.app.ui.projects;

import dev.keyward.app.ui.FormDialog;
import dev.keyward.vault.env.DotenvKeys;
import dev.keyward.vault.projects.EnvImportPlan;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Window;

/**
 * Shows what importing a .env file would do (added, changed, unchanged, refused, and keys the
 * file defines more than once) before
 * anything is written; Import is offered only when nothing is refused and something changes.
 */
final class EnvImportPreview {

    private EnvImportPreview() {
    }

    /** Opens the preview; {@code onConfirm} gets the dialog and runs the import; {@code onClosed} always runs. */
    static FormDialog show(Window owner, String fileName, EnvImportPlan plan, Map<String, List<Integer>> repeatedKeys,
                           java.util.function.Consumer<FormDialog> onConfirm, Runnable onClosed) {
        FormDialog form = new FormDialog(owner, "Import " + fileName + " into " + plan.project(), "Import");
        form.dialog().getDialogPane().setId("env-import-preview");
        section(form, "Added", "import-added", plan.added());
        section(form, "Changed (the old value stays in the secret's history)", "import-changed", plan.changed());
        section(form, "Unchanged", "import-unchanged", plan.unchanged());
        section(form, "Refused", "import-refused", plan.refused());
        if (!repeatedKeys.isEmpty()) {
            // The same note as the command line: which definition of a repeated key is imported.
            list(form, "Defined more than once", "import-repeated", repeatedKeys.entrySet().stream()
                    .map(e -> repeated(e.getKey(), e.getValue())).toList());
        }
        Label verdict = form.addWide(new Label());
        verdict.setId("import-verdict");
        verdict.setWrapText(true);
        if (!plan.refused().isEmpty()) {
            verdict.setText("Nothing can be imported while a variable is refused: fix the file and try again.");
            form.okButton().setDisable(true);
        } else if (!plan.hasChanges()) {
            verdict.setText("The project already has every variable of this file with the same values.");
            form.okButton().setDisable(true);
        } else {
            verdict.setText(plan.added().size() + " to add, " + plan.changed().size() + " to change. Nothing is "
                    + "written until you choose Import.");
        }
        form.setOnSubmit(onConfirm);
        form.setOnClosed(onClosed);
        form.show();
        return form;
    }

    /** One repeated key and which of its lines is imported, in the command line's words. */
    static String repeated(String key, List<Integer> lines) {
        return DotenvKeys.shown(key) + "  —  defined " + lines.size() + " times (lines "
                + lines.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "); the last one (line "
                + lines.get(lines.size() - 1) + ") is imported, as dotenv reads it";
    }

    private static void section(FormDialog form, String title, String id, List<EnvImportPlan.Item> items) {
        list(form, title, id, items.stream().map(i -> DotenvKeys.masked(i.envVar() + "  —  " + i.detail())).toList());
    }

    private static void list(FormDialog form, String title, String id, List<String> items) {
        Label label = form.addWide(new Label(title + " (" + items.size() + ")"));
        label.getStyleClass().add("text-bold");
        if (items.isEmpty()) {
            return;
        }
        ListView<String> view = form.addWide(new ListView<>());
        view.setId(id);
        view.setPrefHeight(Math.min(6, items.size()) * 26 + 6);
        view.getItems().setAll(items);
    }
}
