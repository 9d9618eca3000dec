package dev.keyward.app.ui.automation;

import dev.keyward.automation.runner.CheckpointDecision;
import dev.keyward.automation.runner.CheckpointRequest;
import dev.keyward.automation.runner.HandoffHosts;
import dev.keyward.vault.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/** One checkpoint's modal window: what waits, why, the context, the answer buttons and a countdown that rejects. */
final class CheckpointWindow {

    static final double MIN_WIDTH = 420;
    static final double MIN_HEIGHT = 320;

    private final Stage stage = new Stage();
    private final CheckpointRequest request;
    private final CompletableFuture<CheckpointDecision> answer;
    private final TextField value = new TextField();
    private final TextArea notes = new TextArea();
    private final Label countdown = new Label();
    private final Label problem = new Label();
    private final Timeline ticker;
    private long secondsLeft;

    CheckpointWindow(Window owner, CheckpointRequest request, CompletableFuture<CheckpointDecision> answer) {
        this.request = request;
        this.answer = answer;
        this.secondsLeft = Math.max(1, request.timeout().toSeconds());
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.APPLICATION_MODAL);
        stage.setTitle("Checkpoint: " + request.type().dbValue().replace('_', ' '));
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        // A wrapped text gets taller as the window narrows: the content scrolls rather than being cut.
        stage.setScene(new Scene(content()));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnCloseRequest(e -> decide(CheckpointDecision.reject(withNote("Window closed without an answer."))));
        // The runner may give up first (its own timeout); then the window has nothing left to ask.
        answer.whenComplete((d, t) -> Platform.runLater(this::close));
    }

    private javafx.scene.layout.BorderPane content() {
        Label heading = new Label(request.scriptTitle() + ": step " + request.stepId());
        heading.getStyleClass().add("title-3");
        heading.setWrapText(true);
        Label type = new Label("Checkpoint: " + request.type().dbValue().replace('_', ' '));
        type.setId("checkpoint-type");
        Label why = wrapped(request.description());
        why.setId("checkpoint-description");
        Label proposed = wrapped("On approval: " + request.proposedAction());
        proposed.setId("checkpoint-proposed");
        GridPane context = new GridPane();
        context.setId("checkpoint-context");
        context.setHgap(10);
        int row = 0;
        for (Map.Entry<String, String> e : request.context().entrySet()) {
            Label key = new Label(e.getKey());
            // The value column wraps; a key is never shortened.
            key.setMinWidth(Label.USE_PREF_SIZE);
            context.addRow(row++, key, wrapped(e.getValue()));
        }
        value.setId("checkpoint-value");
        value.setDisable(!request.canModify());
        value.setPromptText(request.canModify()
                ? "New value (now: " + request.modifiable().currentValue() + ")" : "This checkpoint has no value to change");
        VBox hostList = hosts() ? hostList() : null;
        if (hostList != null) {
            // The hosts are read as a list above the field, not from a prompt that vanishes on focus or is cut.
            value.setPromptText("Hosts to add, separated by commas");
            value.setOnAction(e -> modify());
        }
        notes.setId("checkpoint-notes");
        notes.setPromptText("Notes (optional, kept with the run)");
        notes.setPrefRowCount(2);
        Button approve = new Button("_Approve");
        approve.setId("checkpoint-approve");
        approve.setOnAction(e -> decide(CheckpointDecision.approve(note())));
        Button reject = new Button("_Reject");
        reject.setId("checkpoint-reject");
        reject.setCancelButton(true);
        reject.setOnAction(e -> decide(CheckpointDecision.reject(note())));
        Button modify = new Button("_Modify and approve");
        modify.setId("checkpoint-modify");
        modify.setDisable(!request.canModify());
        modify.setOnAction(e -> modify());
        countdown.setId("checkpoint-countdown");
        problem.setId("checkpoint-problem");
        problem.setWrapText(true);
        countdown.setWrapText(true);
        showCountdown();
        VBox box = new VBox(10, heading, type, why, proposed, context);
        if (hostList != null) {
            modify.setText("_Add hosts and approve");
            box.getChildren().add(hostList);
        }
        box.getChildren().addAll(value, notes);
        box.setPadding(new Insets(16));
        // A wrapped text gets taller as the window narrows: the facts scroll, the answer buttons stay in view.
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        scroll.setPrefViewportWidth(520);
        scroll.setPrefViewportHeight(420);
        VBox answers = new VBox(8, new javafx.scene.layout.FlowPane(8, 8, approve, reject, modify), countdown, problem);
        answers.setPadding(new Insets(0, 16, 16, 16));
        javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(scroll);
        root.setBottom(answers);
        return root;
    }

    private boolean hosts() {
        return request.canModify() && request.modifiable().shape() == CheckpointRequest.ModifiableValue.Shape.HOSTS;
    }

    private List<String> currentHosts() {
        return List.of(request.modifiable().currentValue().split("[,\\s]+"));
    }

    private VBox hostList() {
        VBox list = new VBox(4);
        list.setId("checkpoint-hosts");
        list.getChildren().add(wrapped("The page may reach these hosts:"));
        for (String host : currentHosts()) {
            Label item = wrapped("\u2022 " + host);
            item.getStyleClass().add("checkpoint-host");
            list.getChildren().add(item);
        }
        list.getChildren().add(wrapped("To let it reach another host, type the host below and press Enter;"
                + " the hosts above stay."));
        return list;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    void show() {
        stage.show();
        ticker.play();
    }

    private void tick() {
        secondsLeft--;
        if (secondsLeft <= 0) {
            decide(CheckpointDecision.reject(withNote("No answer within " + request.timeout().toSeconds()
                    + " seconds; rejected automatically.")));
        } else {
            showCountdown();
        }
    }

    private void showCountdown() {
        countdown.setText("Rejects automatically in " + secondsLeft + " s.");
    }

    private void modify() {
        String v = value.getText();
        if (v == null || v.isBlank()) {
            problem.setText("Type the new value first, or approve or reject as proposed.");
            return;
        }
        if (hosts()) {
            try {
                if (!HandoffHosts.parse(currentHosts(), v).widened()) {
                    problem.setText("The page may already reach " + v.strip() + ". Type a host to add, or approve"
                            + " to keep the hosts as they are.");
                    return;
                }
            } catch (InvalidInputException e) {
                problem.setText(e.getMessage() + " Nothing was changed.");
                return;
            }
        }
        decide(CheckpointDecision.modify(v.strip(), note()));
    }

    private String note() {
        String n = notes.getText();
        return n == null || n.isBlank() ? null : n.strip();
    }

    private String withNote(String reason) {
        String n = note();
        return n == null ? reason : reason + " " + n;
    }

    private void decide(CheckpointDecision decision) {
        answer.complete(decision);
        close();
    }

    private void close() {
        ticker.stop();
        stage.close();
    }
}
