package dev.keyward.app.ui;

import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * A small form in a dialog whose OK button runs background work and closes the dialog only
 * when the work succeeded; a refusal shows its sentence inside the dialog and keeps the input.
 */
public final class FormDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private final Label error = new Label();
    private final ButtonType okType;
    private Consumer<FormDialog> onSubmit = d -> d.finish();
    private Runnable onClosed = () -> { };
    private int rows;

    public FormDialog(Window owner, String title, String okText) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        okType = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(okType, ButtonType.CANCEL);
        grid.setHgap(10);
        grid.setVgap(8);
        error.getStyleClass().add("form-error");
        error.setId("form-error");
        error.setWrapText(true);
        error.setMaxWidth(420);
        error.setManaged(false);
        VBox body = new VBox(10, grid, error);
        body.setPadding(new Insets(8, 4, 0, 4));
        dialog.getDialogPane().setContent(body);
        Theme.addAppStylesheet(dialog.getDialogPane().getScene());
        okButton().addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            error.setText("");
            error.setManaged(false);
            onSubmit.accept(this);
        });
        dialog.setOnHidden(e -> onClosed.run());
    }

    /** Adds a labelled row; {@code label} may carry a mnemonic ("_Name"), which focuses {@code field}. */
    public <N extends Node> N addRow(String label, N field) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        // The field column gives way first; a label is never shortened.
        l.setMinWidth(Label.USE_PREF_SIZE);
        grid.add(l, 0, rows);
        grid.add(field, 1, rows);
        GridPane.setHgrow(field, Priority.ALWAYS);
        rows++;
        return field;
    }

    /** Adds a full-width row without a label (a hint or a list). */
    public <N extends Node> N addWide(N node) {
        grid.add(node, 0, rows, 2, 1);
        rows++;
        return node;
    }

    public void setOnSubmit(Consumer<FormDialog> submit) {
        this.onSubmit = submit;
    }

    /** Runs when the dialog closes for any reason (wipe anything it held). */
    public void setOnClosed(Runnable closed) {
        this.onClosed = closed;
    }

    public Button okButton() {
        return (Button) dialog.getDialogPane().lookupButton(okType);
    }

    public void busy(boolean busy) {
        okButton().setDisable(busy);
    }

    public void showError(String sentence) {
        busy(false);
        error.setText(sentence);
        error.setManaged(true);
    }

    /** Closes the dialog after successful work. */
    public void finish() {
        dialog.setResult(okType);
        dialog.close();
    }

    public void show() {
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }
}
