package dev.keyward.app.ui.automation;

import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.tray.Notification;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.runner.CheckpointDecision;
import dev.keyward.automation.runner.CheckpointRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

@DesktopTest
class CheckpointDialogTest {

    private final List<Notification> posted = new CopyOnWriteArrayList<>();
    private CheckpointDialog dialog;

    @Start
    void start(Stage stage) {
        // A shown window needs a scene: Monocle stalls its render pulse on a scene-less stage.
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
        dialog = new CheckpointDialog(stage, posted::add);
    }

    private static CheckpointRequest request(Duration timeout, boolean modifiable) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("page", "http://127.0.0.1/billing");
        context.put("target", "#cap");
        return new CheckpointRequest("exec-1", "Set a billing cap", "set-cap", CheckpointType.BILLING,
                "The step changes the monthly spending cap.", "Type 50 into the cap field and save.", context,
                modifiable ? new CheckpointRequest.ModifiableValue("fill-cap", "#cap", "50") : null, timeout);
    }

    private CompletableFuture<CheckpointDecision> ask(CheckpointRequest r, FxRobot robot) {
        CompletableFuture<CheckpointDecision> f = CompletableFuture.supplyAsync(() -> dialog.ask(r)).join();
        waitUntil("the checkpoint window shows", () -> robot.lookup("#checkpoint-approve").tryQuery().isPresent());
        return f;
    }

    private static CheckpointDecision decided(CompletableFuture<CheckpointDecision> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void approveCompletesWithApprovalAndNotesAndPostsANotification(FxRobot robot) throws Exception {
        CompletableFuture<CheckpointDecision> f = ask(request(Duration.ofMinutes(5), false), robot);
        assertTrue(DesktopTestKit.allVisibleText().contains("The step changes the monthly spending cap."));
        assertTrue(DesktopTestKit.allVisibleText().contains("http://127.0.0.1/billing"));
        robot.interact(() -> robot.lookup("#checkpoint-notes").queryAs(TextArea.class).setText("looks right"));
        robot.clickOn("#checkpoint-approve");
        CheckpointDecision d = decided(f);
        assertEquals(CheckpointDecision.Kind.APPROVED, d.kind());
        assertEquals("looks right", d.notes());
        assertEquals(1, posted.size());
        assertEquals(Notification.Urgency.ATTENTION, posted.get(0).urgency());
        waitUntil("the window closed", () -> robot.lookup("#checkpoint-approve").tryQuery().isEmpty());
    }

    @Test
    void rejectCompletesWithRejection(FxRobot robot) throws Exception {
        CompletableFuture<CheckpointDecision> f = ask(request(Duration.ofMinutes(5), true), robot);
        robot.clickOn("#checkpoint-reject");
        CheckpointDecision d = decided(f);
        assertEquals(CheckpointDecision.Kind.REJECTED, d.kind());
        assertNull(d.notes());
    }

    @Test
    void modifyCarriesTheTypedValueAndNeedsOne(FxRobot robot) throws Exception {
        CompletableFuture<CheckpointDecision> f = ask(request(Duration.ofMinutes(5), true), robot);
        robot.interact(() -> robot.lookup("#checkpoint-modify").queryAs(Button.class).fire());
        assertTrue(DesktopTestKit.allVisibleText().contains("Type the new value first"));
        assertTrue(!f.isDone(), "an empty value does not answer");
        robot.interact(() -> robot.lookup("#checkpoint-value").queryAs(TextField.class).setText("25"));
        robot.interact(() -> robot.lookup("#checkpoint-modify").queryAs(Button.class).fire());
        CheckpointDecision d = decided(f);
        assertEquals(CheckpointDecision.Kind.MODIFIED, d.kind());
        assertEquals("25", d.modifiedValue());
    }

    @Test
    void modifyIsUnavailableWithoutAValue(FxRobot robot) {
        ask(request(Duration.ofMinutes(5), false), robot);
        assertTrue(robot.lookup("#checkpoint-modify").queryAs(Button.class).isDisabled());
        robot.clickOn("#checkpoint-reject");
    }

    @Test
    void noAnswerBeforeTheCountdownEndsRejects(FxRobot robot) throws Exception {
        CompletableFuture<CheckpointDecision> f = ask(request(Duration.ofSeconds(2), false), robot);
        assertTrue(DesktopTestKit.allVisibleText().contains("Rejects automatically in"));
        CheckpointDecision d = decided(f);
        assertEquals(CheckpointDecision.Kind.REJECTED, d.kind());
        assertTrue(d.notes().contains("rejected automatically"));
        waitUntil("the window closed", () -> robot.lookup("#checkpoint-approve").tryQuery().isEmpty());
    }

    @Test
    void longTitlesDescriptionsAndContextAreShownWhole(FxRobot robot) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("page address of the billing settings", "http://127.0.0.1/organisations/acme-production/billing/limits?tab=caps");
        context.put("field", "#monthly-spending-cap-in-the-organisation-currency");
        CheckpointRequest r = new CheckpointRequest("exec-2", "Lower the monthly billing cap of the production organisation",
                "set-production-organisation-cap", CheckpointType.BILLING,
                "The step changes the monthly spending cap of the whole production organisation, which every team shares.",
                "Type 50 into the cap field, then press Save and confirm the change in the dialog that follows.", context,
                new CheckpointRequest.ModifiableValue("fill-cap", "#cap", "50"), Duration.ofMinutes(5));
        ask(r, robot);
        List<String> cut = dev.keyward.app.ui.DesktopTestKit.onFx(() -> dev.keyward.app.ui.CutTexts.inOpenWindows("checkpoint"));
        robot.clickOn("#checkpoint-reject");
        assertTrue(cut.isEmpty(), "texts cut short: " + cut);
    }

    @Test
    void theRunnerGivingUpClosesTheWindow(FxRobot robot) {
        CompletableFuture<CheckpointDecision> f = ask(request(Duration.ofMinutes(5), false), robot);
        f.complete(CheckpointDecision.reject("runner timeout"));
        waitUntil("the window closed", () -> robot.lookup("#checkpoint-approve").tryQuery().isEmpty());
    }
}
