package dev.keyward.app.ui.automation;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.runner.CheckpointDecision;
import dev.keyward.automation.runner.CheckpointRequest;
import dev.keyward.automation.runner.HandoffHosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The payment handoff's hosts question in the checkpoint window: the hosts are shown whole as a list, a person adds
 * one with the keyboard alone, a wrong entry is refused in a sentence and answers nothing, and no answer or Reject
 * keeps the run's limits.
 */
@DesktopTest
class HandoffHostsDialogTest {

    private static final List<String> HOSTS = List.of("billing.provider-with-a-long-name.example",
            "accounts.provider-with-a-long-name.example", "127.0.0.1");

    private CheckpointDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
        dialog = new CheckpointDialog(stage, n -> { });
    }

    /** The question PaymentHandoff asks, in the shape the runner hands to a gate. */
    private static CheckpointRequest handoff(Duration timeout) {
        String hosts = String.join(", ", HOSTS);
        Map<String, String> context = new LinkedHashMap<>();
        context.put("page", "https://billing.provider-with-a-long-name.example/checkout/plan/pro?step=card");
        context.put("hosts the page may reach", hosts);
        return new CheckpointRequest("exec-h", "Buy credits", "pay", CheckpointType.FINANCIAL,
                "The payment page is yours now. It can reach only " + hosts + ". If the payment needs another host"
                        + " (a payment processor's), add it to the list; the page then reopens in a window that may"
                        + " reach it. Anything you type there is yours and is not held.",
                "Approve to keep these hosts, or change the list to add hosts.", context,
                new CheckpointRequest.ModifiableValue("pay", null, hosts, CheckpointRequest.ModifiableValue.Shape.HOSTS),
                timeout);
    }

    private CompletableFuture<CheckpointDecision> ask(CheckpointRequest r, FxRobot robot) {
        CompletableFuture<CheckpointDecision> f = CompletableFuture.supplyAsync(() -> dialog.ask(r)).join();
        waitUntil("the checkpoint window shows", () -> robot.lookup("#checkpoint-hosts").tryQuery().isPresent());
        return f;
    }

    private static Stage checkpointStage() {
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Checkpoint"))
                .findFirst().orElseThrow();
    }

    private static List<String> listedHosts(FxRobot robot) {
        return robot.lookup(".checkpoint-host").queryAll().stream()
                .map(n -> ((Label) n).getText().replace("\u2022", "").strip()).toList();
    }

    @Test
    void theHostsAreListedWholeAtDefaultAndMinimumSize(FxRobot robot) {
        ask(handoff(Duration.ofMinutes(5)), robot);
        assertEquals(HOSTS, listedHosts(robot), "every host on a line of its own");
        List<String> cut = new ArrayList<>(onFx(() -> CutTexts.inOpenWindows("handoff hosts at default size")));
        robot.interact(() -> {
            Stage s = checkpointStage();
            s.setWidth(s.getMinWidth());
            s.setHeight(s.getMinHeight());
        });
        assertTrue(onFx(() -> checkpointStage().getWidth() <= CheckpointWindow.MIN_WIDTH + 1));
        cut.addAll(onFx(() -> CutTexts.inOpenWindows("handoff hosts at minimum size")));
        robot.clickOn("#checkpoint-reject");
        assertTrue(cut.isEmpty(), "texts cut short: " + cut);
    }

    @Test
    void aPersonAddsAHostWithTheKeyboardAlone(FxRobot robot) throws Exception {
        CompletableFuture<CheckpointDecision> f = ask(handoff(Duration.ofMinutes(5)), robot);
        // The window manager gives a new window the keyboard; the value field is the first control it reaches.
        robot.interact(() -> checkpointStage().requestFocus());
        waitUntil("the hosts field has the focus", () -> onFx(() -> {
            Node focused = checkpointStage().getScene().getFocusOwner();
            return focused != null && "checkpoint-value".equals(focused.getId());
        }));
        robot.targetWindow(checkpointStage()); // TestFX writes characters into its target window's scene
        robot.write("pay.processor.example");
        robot.type(KeyCode.ENTER);
        CheckpointDecision d = f.get(20, TimeUnit.SECONDS);
        assertEquals(CheckpointDecision.Kind.MODIFIED, d.kind());
        HandoffHosts hosts = HandoffHosts.parse(HOSTS, d.modifiedValue());
        assertEquals(List.of("pay.processor.example"), hosts.added());
        waitUntil("the window closed", () -> robot.lookup("#checkpoint-hosts").tryQuery().isEmpty());
    }

    @Test
    void anEntryThatIsNotAHostIsRefusedInASentenceAndAnswersNothing(FxRobot robot) throws Exception {
        CompletableFuture<CheckpointDecision> f = ask(handoff(Duration.ofMinutes(5)), robot);
        robot.interact(() -> checkpointStage().requestFocus());
        robot.interact(() -> robot.lookup("#checkpoint-value").queryAs(TextField.class).requestFocus());
        robot.targetWindow(checkpointStage());
        robot.write("*.processor.example");
        robot.type(KeyCode.ENTER);
        String problem = onFx(() -> robot.lookup("#checkpoint-problem").queryAs(Label.class).getText());
        assertEquals("'*.processor.example' is not a host name: a domain with a dot, an IPv4 address or localhost,"
                + " without a wildcard. Nothing was changed.", problem);
        assertFalse(f.isDone(), "a refused entry does not answer");
        assertEquals(HOSTS, listedHosts(robot), "the list is unchanged");
        List<String> cut = onFx(() -> CutTexts.inOpenWindows("handoff hosts with a refusal"));
        assertTrue(cut.isEmpty(), "texts cut short: " + cut);

        robot.interact(() -> robot.lookup("#checkpoint-value").queryAs(TextField.class).setText("127.0.0.1"));
        robot.interact(() -> robot.lookup("#checkpoint-modify").queryAs(javafx.scene.control.Button.class).fire());
        assertTrue(onFx(() -> robot.lookup("#checkpoint-problem").queryAs(Label.class).getText())
                .startsWith("The page may already reach 127.0.0.1."));
        assertFalse(f.isDone(), "a host already allowed adds nothing and does not answer");

        robot.clickOn("#checkpoint-reject");
        CheckpointDecision d = f.get(20, TimeUnit.SECONDS);
        assertEquals(CheckpointDecision.Kind.REJECTED, d.kind(), "Reject keeps the run's hosts");
    }

    @Test
    void noAnswerKeepsTheLimits(FxRobot robot) throws Exception {
        CompletableFuture<CheckpointDecision> f = ask(handoff(Duration.ofSeconds(2)), robot);
        robot.interact(() -> robot.lookup("#checkpoint-value").queryAs(TextField.class).setText("pay.processor.example"));
        CheckpointDecision d = f.get(20, TimeUnit.SECONDS);
        assertEquals(CheckpointDecision.Kind.REJECTED, d.kind(), "a typed but unsent host widens nothing");
        assertTrue(d.notes().contains("rejected automatically"), d.notes());
        assertTrue(DesktopTestKit.allVisibleText().isEmpty() || !DesktopTestKit.allVisibleText().contains("pay.processor"));
    }
}
