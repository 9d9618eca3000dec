package dev.keyward.app.ui.scan;

import dev.keyward.app.ui.FormDialog;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.adopt.AdoptOptions;
import dev.keyward.vault.adopt.AdoptPlan;
import dev.keyward.vault.adopt.AdoptService;
import dev.keyward.vault.env.DotenvKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;

/**
 * Shows what adopting one {@code .env} file would do, per variable (new, copy, in vault, conflict, keep,
 * refused), lets the person choose the winner of each conflict, and adopts only on confirmation. Showing the
 * plan writes nothing; a failed adoption leaves the file and the vault as the service's order of steps leaves
 * them (nothing lost) and says why inside the dialog.
 */
final class AdoptDialog {

    /** The two answers to a conflict, in the words of the dialog. */
    static final String VAULT_WINS = "Keep the vault's value";
    static final String FILE_WINS = "Take the file's value";

    private final PageContext ctx;
    private final AdoptPlan plan;
    private final String shown;
    private final FormDialog form;
    private final Label verdict = new Label();
    private final Map<AdoptPlan.Variable, ComboBox<String>> choices = new LinkedHashMap<>();
    private final Map<AdoptPlan.Variable, String> projects = new LinkedHashMap<>();

    private AdoptDialog(PageContext ctx, AdoptPlan plan, String shown) {
        this.ctx = ctx;
        this.plan = plan;
        this.shown = shown;
        this.form = new FormDialog(ctx.owner(), "Adopt " + title(plan), "_Adopt");
        form.dialog().getDialogPane().setId("adopt-dialog");
    }

    /**
     * Opens the dialog for {@code plan} of the one file the results show as {@code shown}; {@code adopted} gets
     * the sentence to show after a successful adoption.
     */
    static AdoptDialog show(PageContext ctx, AdoptPlan plan, String shown, Consumer<String> adopted) {
        AdoptDialog dialog = new AdoptDialog(ctx, plan, shown);
        dialog.build(adopted);
        dialog.form.show();
        return dialog;
    }

    FormDialog form() {
        return form;
    }

    private void build(Consumer<String> adopted) {
        int row = 0;
        for (AdoptPlan.FilePlan file : plan.files()) {
            wide(shown(file) + " goes to project " + file.project() + (file.projectExists() ? "" : " (a new project)")
                    + ":", "adopt-file-" + row).getStyleClass().add("text-bold");
            for (AdoptPlan.Variable v : file.variables()) {
                String text = DotenvKeys.masked(word(v.action()) + ": " + DotenvKeys.shown(v.name()) + ", line " + v.line()
                        + " (" + v.detail() + ")");
                if (v.action() == AdoptPlan.Action.CONFLICT) {
                    ComboBox<String> choice = new ComboBox<>();
                    choice.getItems().setAll(VAULT_WINS, FILE_WINS);
                    choice.setPromptText("Choose which value wins");
                    choice.setId("adopt-choice-" + v.name());
                    choice.valueProperty().addListener((o, a, b) -> refresh());
                    Label label = wide(text, "adopt-var-" + row++);
                    label.setLabelFor(choice);
                    form.addWide(choice);
                    choices.put(v, choice);
                    projects.put(v, file.project());
                } else {
                    wide(text, "adopt-var-" + row++);
                }
            }
            file.repeatedKeys().forEach((key, lines) -> wide("Note: " + DotenvKeys.shown(key) + " is defined "
                    + lines.size() + " times (lines " + lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "); each becomes the reference, and the last one's value is imported, as dotenv reads it.", null));
        }
        for (AdoptPlan.Skipped s : plan.skipped()) {
            wide(shown + " is left alone: " + s.reason() + ".", null);
        }
        verdict.setId("adopt-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(520);
        form.addWide(verdict);
        refresh();
        form.setOnSubmit(f -> adopt(adopted));
    }

    private Label wide(String text, String id) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(520);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.setId(id);
        return form.addWide(label);
    }

    /** The verdict and whether Adopt can be chosen: not while a variable is refused or a conflict is open. */
    private void refresh() {
        long open = choices.values().stream().filter(c -> c.getValue() == null).count();
        if (!plan.refusals().isEmpty()) {
            verdict.setText("Nothing can be adopted while a variable is refused: change the file, then scan again.");
            form.okButton().setDisable(true);
        } else if (plan.isEmpty()) {
            verdict.setText("There is nothing to adopt in this file.");
            form.okButton().setDisable(true);
        } else if (open > 0) {
            verdict.setText("Choose which value wins for each conflict (" + open + " open). Nothing is written until"
                    + " you choose Adopt.");
            form.okButton().setDisable(true);
        } else {
            verdict.setText("Adopt moves these values into the vault, keeps the file's original in an encrypted backup,"
                    + " and replaces the file with keyward:// references. Nothing is written until you choose Adopt.");
            form.okButton().setDisable(false);
        }
    }

    private void adopt(Consumer<String> adopted) {
        AdoptOptions options = AdoptOptions.defaults();
        for (Map.Entry<AdoptPlan.Variable, ComboBox<String>> e : choices.entrySet()) {
            options = options.choosing(projects.get(e.getKey()), e.getKey().name(),
                    FILE_WINS.equals(e.getValue().getValue()) ? AdoptPlan.Winner.FILE : AdoptPlan.Winner.VAULT);
        }
        AdoptOptions chosen = options;
        form.busy(true);
        choices.values().forEach(c -> c.setDisable(true));
        verdict.setText("Adopting: importing the values…");
        AdoptService service = ctx.services().adopt();
        ctx.work().run(() -> service.adopt(plan, chosen, (step, file) -> Platform.runLater(() -> verdict.setText(
                stepSentence(step, file)))), result -> {
            form.finish();
            adopted.accept(done(result));
        }, error -> {
            choices.values().forEach(c -> c.setDisable(false));
            form.showError(UserMessages.describe(error));
            refresh();
        });
    }

    private String stepSentence(AdoptService.Step step, Path file) {
        return switch (step) {
            case IMPORTED -> "Adopting: the values are imported; saving…";
            case COMMITTED -> "Adopting: the values are in the vault; backing up the file…";
            case BACKED_UP -> "Adopting: " + file.getFileName() + " is backed up; replacing it with references…";
            case REPLACED -> "Adopting: " + file.getFileName() + " now holds references.";
        };
    }

    /** What happened, in one or two sentences for the page. */
    private String done(AdoptService.Result result) {
        StringBuilder out = new StringBuilder();
        for (AdoptPlan.FilePlan file : plan.files()) {
            if (result.replaced().contains(file.file())) {
                out.append("Adopted ").append(shown(file)).append(" into project ").append(file.project())
                        .append(": its values are in the vault, its original is kept in an encrypted backup, and the"
                                + " file now holds keyward:// references that programs run through Keyward read as"
                                + " the same values. ");
            }
        }
        for (AdoptPlan.Skipped s : result.leftAlone()) {
            out.append("Left alone: ").append(shown).append(": ").append(s.reason()).append(". ");
        }
        return out.toString().strip();
    }

    /** The plan is of one file, so its own path (relative to itself) says nothing: the results' path does. */
    private String shown(AdoptPlan.FilePlan file) {
        return plan.files().size() == 1 ? shown : file.shown();
    }

    private static String title(AdoptPlan plan) {
        List<AdoptPlan.FilePlan> files = plan.files();
        Path named = files.size() == 1 ? files.get(0).file() : plan.root();
        return named.getFileName() == null ? named.toString() : named.getFileName().toString();
    }

    private static String word(AdoptPlan.Action action) {
        return switch (action) {
            case NEW -> "New";
            case COPY -> "Copy";
            case UNCHANGED -> "In vault";
            case CONFLICT -> "CONFLICT";
            case KEEP -> "Keep";
            case REFUSED -> "REFUSED";
        };
    }
}
