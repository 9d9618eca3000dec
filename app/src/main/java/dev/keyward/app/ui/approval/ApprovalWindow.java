package dev.keyward.app.ui.approval;

import dev.keyward.app.agent.Approval;
import dev.keyward.app.agent.ApprovalQuestion;
import dev.keyward.app.agent.ClientDescription;
import dev.keyward.app.ui.Theme;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * One approval question's window: what the program wants, the facts the system gives about it, a
 * countdown, and Allow once / Allow for this terminal session / Deny. Deny has the focus when the
 * window opens and answers Escape and closing the window; Enter and Space press the focused button.
 * The Allow buttons arm only after a moment, so keys meant for another window cannot allow.
 */
final class ApprovalWindow {

    /** The smallest window in which every text stays readable (the facts scroll, the buttons wrap). */
    static final double MIN_WIDTH = 420;
    static final double MIN_HEIGHT = 360;

    private final Stage stage = new Stage();
    private final ApprovalQuestion question;
    private final CompletableFuture<Approval> answer;
    private final Duration arming;
    private final Label countdown = new Label();
    private final Button deny = new Button("Deny");
    private final Button once = new Button("Allow once");
    private final Button terminal;
    private final Timeline ticker;
    private final long shownAt = System.nanoTime();

    ApprovalWindow(Stage owner, ApprovalQuestion question, CompletableFuture<Approval> answer, Duration arming) {
        this.question = question;
        this.answer = answer;
        this.arming = arming;
        this.terminal = new Button("Allow for this terminal session for " + question.grantFor().toMinutes() + " minutes");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Keyward: allow a program to " + question.client().wants() + "?");
        stage.setAlwaysOnTop(true);
        Scene scene = new Scene(content());
        Theme.addAppStylesheet(scene);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> showCountdown()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        // However the window goes (Deny, Escape, the close button, a lock closing windows), no answer is Deny.
        stage.setOnHidden(e -> {
            ticker.stop();
            answer.complete(Approval.DENY);
        });
        // Time up or the session locked: the agent cancelled the question, so the window has nothing left to ask.
        answer.whenComplete((a, t) -> Platform.runLater(stage::close));
    }

    private BorderPane content() {
        ClientDescription client = question.client();
        Label heading = wrapped((client.agent().isEmpty() ? "A program" : "An AI agent") + " wants to " + client.wants());
        heading.setId("approval-heading");
        heading.getStyleClass().add("title-3");
        Label advice = wrapped("Allow it only if you started this command yourself.");

        GridPane facts = new GridPane();
        facts.setId("approval-facts");
        facts.setHgap(12);
        facts.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        facts.getColumnConstraints().addAll(names, values);
        int row = 0;
        if (!client.agent().isEmpty()) {
            // An AI agent's run_command: who asks, what would run where, and which variables it would get.
            row = fact(facts, row, "On behalf of", client.agent(), "approval-agent");
            row = fact(facts, row, "Runs", client.runs(), "approval-runs");
            row = fact(facts, row, "In folder", client.runsIn(), "approval-runs-in");
            row = fact(facts, row, "Variables", client.variables(), "approval-variables");
        }
        row = fact(facts, row, "Command", client.command(), "approval-command");
        if (!client.project().isEmpty()) {
            row = fact(facts, row, "Project", client.project(), "approval-project");
        }
        if (!client.secrets().isEmpty()) {
            row = fact(facts, row, "Secrets", client.secrets(), "approval-secrets");
        }
        row = fact(facts, row, "Working folder", client.workingFolder(), "approval-folder");
        row = fact(facts, row, "Program", client.executable(), "approval-executable");
        row = fact(facts, row, "Command line", client.commandLine(), "approval-command-line");
        row = fact(facts, row, "Terminal", client.terminal(), "approval-terminal");
        fact(facts, row, "Process", String.valueOf(client.pid()), "approval-pid");

        ScrollPane scroll = new ScrollPane(new VBox(10, heading, advice, facts));
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(16));
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        // Tall enough that a usual request's facts show without scrolling; a long command line scrolls.
        scroll.setPrefViewportHeight(360);

        deny.setId("approval-deny");
        deny.setCancelButton(true);
        deny.setOnAction(e -> decide(Approval.DENY));
        once.setId("approval-allow-once");
        once.setOnAction(e -> decide(Approval.ALLOW_ONCE));
        terminal.setId("approval-allow-terminal");
        terminal.setOnAction(e -> decide(Approval.ALLOW_TERMINAL_SESSION));
        List<Button> buttons = question.offersTerminalGrant() ? List.of(deny, once, terminal) : List.of(deny, once);
        for (Button b : buttons) {
            b.setMnemonicParsing(false);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            // Enter presses the focused button (Deny when the window opens), never a hidden default.
            b.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER && !b.isDisabled()) {
                    e.consume();
                    b.fire();
                }
            });
        }
        countdown.setId("approval-countdown");
        countdown.setWrapText(true);
        showCountdown();
        FlowPane answers = new FlowPane(8, 8);
        answers.getChildren().addAll(buttons);
        VBox bottom = new VBox(8, countdown, answers);
        bottom.setPadding(new Insets(8, 16, 16, 16));
        BorderPane root = new BorderPane(scroll);
        root.setBottom(bottom);
        root.setPrefWidth(560);
        return root;
    }

    private static int fact(GridPane grid, int row, String name, String value, String id) {
        Label key = new Label(name);
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label text = wrapped(value);
        text.setId(id);
        grid.addRow(row, key, text);
        return row + 1;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    void show() {
        boolean armNow = arming.isZero() || arming.isNegative();
        once.setDisable(!armNow);
        terminal.setDisable(!armNow);
        if (!armNow) {
            PauseTransition arm = new PauseTransition(javafx.util.Duration.millis(arming.toMillis()));
            arm.setOnFinished(e -> {
                once.setDisable(false);
                terminal.setDisable(false);
            });
            arm.play();
        }
        stage.show();
        stage.toFront();
        stage.requestFocus();
        deny.requestFocus();
        ticker.play();
    }

    private void showCountdown() {
        long left = question.answerWithin().toSeconds() - Duration.ofNanos(System.nanoTime() - shownAt).toSeconds();
        countdown.setText("Denied automatically in " + Math.max(0, left) + " s unless you answer.");
    }

    private void decide(Approval approval) {
        answer.complete(approval);
        stage.close();
    }
}
