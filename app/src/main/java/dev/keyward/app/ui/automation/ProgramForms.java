package dev.keyward.app.ui.automation;

import dev.keyward.app.ui.FormDialog;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.automation.generate.GenerationRequest;
import dev.keyward.automation.program.InputDeclaration;
import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.program.TaskType;
import dev.keyward.vault.VaultException;
import dev.keyward.vault.provider.ProviderInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The automation page's small dialogs: confirm an approval, describe a program to generate, give a run's inputs. */
final class ProgramForms {

    private ProgramForms() {
    }

    /** Asks before approving, naming what approval lets the program do. */
    static void confirmApproval(Window owner, ProgramFacts facts, Runnable approve) {
        FormDialog form = new FormDialog(owner, "Approve program", "Approve version " + facts.script().version());
        form.okButton().setId("approve-confirm");
        Label text = new Label("Approving '" + facts.script().title() + "' (version " + facts.script().version()
                + ") lets Keyward run its " + facts.steps().size() + " steps in a browser on "
                + String.join(", ", facts.program().allowedDomains()) + " without the first-run script review, "
                + "filling in the placeholders listed with your vault values. The " + facts.gatedCount()
                + " risky steps still stop and ask you each time. A changed program needs approval again.");
        text.setWrapText(true);
        text.setMaxWidth(440);
        text.setId("approve-explanation");
        form.addWide(text);
        form.setOnSubmit(f -> {
            f.finish();
            approve.run();
        });
        form.show();
    }

    /** Provider, task type and a sentence; {@code submit} gets the request once it is well formed. */
    static void generate(Window owner, List<ProviderInfo> providers, Consumer<GenerationRequest> submit) {
        FormDialog form = new FormDialog(owner, "Generate a program", "Generate");
        form.okButton().setId("generate-confirm");
        ComboBox<String> provider = new ComboBox<>();
        provider.setId("generate-provider");
        provider.setEditable(true);
        provider.getItems().setAll(providers.stream().map(ProviderInfo::slug).sorted().toList());
        ComboBox<TaskType> task = new ComboBox<>();
        task.setId("generate-task");
        task.getItems().setAll(TaskType.values());
        task.setValue(TaskType.DASHBOARD_SCRAPE);
        task.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaskType t) {
                return t == null ? "" : t.dbValue();
            }

            @Override
            public TaskType fromString(String text) {
                return TaskType.fromDbValue(text).orElse(null);
            }
        });
        TextField sentence = new TextField();
        sentence.setId("generate-sentence");
        sentence.setPrefColumnCount(36);
        sentence.setPromptText("e.g. Read this month's usage from the dashboard");
        form.addRow("_Provider", provider);
        form.addRow("_Task", task);
        form.addRow("_What to do", sentence);
        Label hint = new Label("Without a configured LLM, Keyward writes its template program for the task. "
                + "The program is stored as pending: nothing runs until you approve it.");
        hint.setWrapText(true);
        hint.setMaxWidth(440);
        form.addWide(hint);
        form.setOnSubmit(f -> {
            String slug = provider.getEditor().getText();
            if (slug == null || slug.isBlank()) {
                f.showError("Choose the provider the program is for.");
                return;
            }
            try {
                GenerationRequest request = new GenerationRequest(slug == null ? "" : slug.strip(), task.getValue(),
                        sentence.getText() == null ? "" : sentence.getText());
                f.finish();
                submit.accept(request);
            } catch (VaultException e) {
                f.showError(UserMessages.describe(e));
            } catch (IllegalArgumentException e) {
                // A record's own check speaks to programmers; the form gives the sentence a user can act on.
                f.showError("Choose a provider and a task, and describe the task in one sentence.");
            }
        });
        form.show();
    }

    /** One field per declared input, defaults filled in; {@code submit} gets the values typed. */
    static void runInputs(Window owner, StepProgram program, Consumer<Map<String, String>> submit) {
        if (program.inputs().isEmpty()) {
            submit.accept(Map.of());
            return;
        }
        FormDialog form = new FormDialog(owner, "Run '" + program.title() + "'", "Run");
        form.okButton().setId("run-confirm");
        Map<String, TextField> fields = new LinkedHashMap<>();
        for (InputDeclaration input : program.inputs()) {
            TextField field = new TextField(input.defaultIfAny().orElse(""));
            field.setId("run-input-" + input.name());
            field.setPromptText(input.description());
            field.setPrefColumnCount(30);
            form.addRow(input.name(), field);
            fields.put(input.name(), field);
        }
        form.setOnSubmit(f -> {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((name, field) -> {
                String v = field.getText();
                if (v != null && !v.isEmpty()) {
                    values.put(name, v);
                }
            });
            List<String> missing = program.inputs().stream()
                    .filter(i -> i.defaultIfAny().isEmpty() && !values.containsKey(i.name()))
                    .map(InputDeclaration::name).toList();
            if (!missing.isEmpty()) {
                f.showError("Give a value for " + String.join(", ", missing) + "; the program needs it.");
                return;
            }
            f.finish();
            submit.accept(values);
        });
        form.show();
    }
}
