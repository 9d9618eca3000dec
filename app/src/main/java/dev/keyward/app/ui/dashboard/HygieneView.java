package dev.keyward.app.ui.dashboard;

import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.app.ui.automation.ApprovedProgramRun;
import dev.keyward.app.ui.discovery.SourceOpener;
import dev.keyward.automation.dashboard.hygiene.HygieneAction;
import dev.keyward.automation.dashboard.hygiene.HygieneFinding;
import dev.keyward.automation.dashboard.hygiene.HygieneService;
import dev.keyward.vault.secrets.SecretInfo;
import java.net.URI;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The dashboard's key-hygiene view ("Watchtower"): each finding in a sentence with its actions (open the
 * provider's page, run an approved key-management program, confirm a match, dismiss). Reads and writes happen on background threads.
 */
final class HygieneView {

    private final PageContext ctx;
    private final SourceOpener opener;
    private final VBox list = new VBox(12);
    private final Label status = new Label();
    private final ScrollPane view;

    HygieneView(PageContext ctx, SourceOpener opener) {
        this.ctx = ctx;
        this.opener = opener;
        status.setWrapText(true);
        status.setId("hygiene-status");
        Label title = new Label("Key hygiene");
        title.getStyleClass().add("title-3");
        Label about = new Label("From the last refresh: keys close to expiry, and with an OpenAI or Anthropic admin key also"
                + " keys nobody uses, keys at the provider that are not in the vault, vault keys the provider no longer lists,"
                + " spend spikes and retired models still in use.");
        about.setWrapText(true);
        VBox box = new VBox(10, title, about, status, list);
        box.setPadding(new Insets(4, 8, 8, 0));
        view = new ScrollPane(box);
        view.setFitToWidth(true);
        view.setId("hygiene-view");
    }

    Node view() {
        return view;
    }

    /** Reads the report again and shows it. */
    void reload() {
        status.setText("Reading the key-hygiene report…");
        ctx.work().run(() -> hygiene().report(), this::show, error -> status.setText(UserMessages.describe(error)));
    }

    private HygieneService hygiene() {
        return ctx.services().hygiene();
    }

    private void show(HygieneService.Report report) {
        list.getChildren().clear();
        // Expiry findings need no admin key, so findings show even before any key inventory was read.
        String noInventory = report.inventoryKnown() ? "" : "No key inventory yet. Store an OpenAI admin key (sk-admin-…) or"
                + " an Anthropic admin key (sk-ant-admin01-…) with its provider, then press Refresh now.";
        if (report.findings().isEmpty() && !report.inventoryKnown()) {
            status.setText(noInventory);
            return;
        }
        status.setText((report.findings().isEmpty() ? "No key-hygiene findings." : report.findings().size() + " finding(s)"
                + (report.dismissed() > 0 ? ", " + report.dismissed() + " dismissed" : "") + ".")
                + (noInventory.isEmpty() ? "" : " " + noInventory));
        for (HygieneFinding finding : report.findings()) {
            list.getChildren().add(row(finding));
        }
    }

    private Node row(HygieneFinding finding) {
        Label kind = new Label(finding.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT));
        kind.getStyleClass().add("text-bold");
        Label sentence = new Label(finding.sentence());
        sentence.setWrapText(true);
        FlowPane actions = new FlowPane(8, 6);
        for (HygieneAction action : finding.actions()) {
            actions.getChildren().add(button(action));
        }
        VBox row = new VBox(4, kind, sentence, actions);
        row.getStyleClass().add("hygiene-finding");
        return row;
    }

    private Node button(HygieneAction action) {
        return switch (action) {
            case HygieneAction.OpenProviderPage page -> {
                Button open = new Button(action.label());
                open.setOnAction(e -> ctx.work().run(() -> {
                    opener.open(URI.create(page.url()));
                    return true;
                }, ok -> { }, error -> status.setText(UserMessages.describe(error))));
                yield open;
            }
            case HygieneAction.RunRotationProgram program -> {
                Button run = new Button(action.label());
                run.getStyleClass().add("hygiene-run-program");
                run.setOnAction(e -> {
                    run.setDisable(true);
                    ApprovedProgramRun.start(ctx, program.scriptId(), status::setText, () -> run.setDisable(false));
                });
                yield run;
            }
            case HygieneAction.ConfirmMatch match -> {
                Button confirm = new Button(action.label() + "…");
                confirm.setOnAction(e -> confirm(match));
                yield confirm;
            }
            case HygieneAction.Dismiss dismiss -> {
                Button button = new Button(action.label());
                button.setOnAction(e -> ctx.work().run(() -> {
                    hygiene().dismiss(dismiss.findingKey());
                    return true;
                }, ok -> reload(), error -> status.setText(UserMessages.describe(error))));
                yield button;
            }
        };
    }

    private void confirm(HygieneAction.ConfirmMatch match) {
        ctx.work().run(() -> ctx.session().secrets().list().stream()
                .filter(info -> match.providerSlug().equals(info.providerSlug())).map(SecretInfo::name).toList(), names -> {
            if (names.isEmpty()) {
                status.setText("The vault has no " + match.providerSlug() + " key to confirm.");
                return;
            }
            ChoiceDialog<String> dialog = new ChoiceDialog<>(names.get(0), names);
            dialog.initOwner(ctx.owner());
            dialog.setTitle("Confirm the key");
            dialog.setHeaderText("Which vault key is " + match.providerSlug() + " key " + match.upstreamId() + "?");
            dialog.getDialogPane().setMinWidth(460);
            dialog.showAndWait().ifPresent(name -> ctx.work().run(() -> {
                hygiene().confirmMatch(match.providerSlug(), match.upstreamId(), name);
                return true;
            }, ok -> {
                status.setText("Confirmed. The next refresh shows that key's usage.");
                reload();
            }, error -> status.setText(UserMessages.describe(error))));
        }, error -> status.setText(UserMessages.describe(error)));
    }

}
