package dev.keyward.app.ui.automation;

import dev.keyward.app.testing.RequiresChromium;
import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.runner.ExecutionRecord;
import dev.keyward.automation.runner.RunHistory;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A run from the Automation page in real Chromium against Practice Cloud on loopback. */
@RequiresChromium
class ProgramRunFlowTest extends AutomationTestBase {

    private PracticeCloud cloud;

    @Start
    void start(Stage stage) throws IOException {
        cloud = PracticeCloud.start(0);
        cloud.state().account().setCredentials("demo@practice.test", CANARY);
        startShell(stage);
        try (VaultSession s = session()) {
            ScriptService scripts = new ScriptService(s);
            AutomationScript imported = scripts.importProgram(Files.readString(sample("set-billing-cap.json")), null)
                    .script();
            scripts.approve(imported.id());
        }
    }

    @AfterEach
    void stopCloud() {
        cloud.close();
    }

    private void startRun(FxRobot robot, String cap) {
        openAutomation(robot);
        robot.interact(() -> table(robot, "#program-table").getSelectionModel().select(0));
        waitUntil("the approved program may run", () -> !robot.lookup("#review-run").queryButton().isDisabled());
        robot.clickOn("#review-run");
        waitUntil("the inputs form shows", () -> robot.lookup("#run-input-base_url").tryQuery().isPresent());
        assertEquals("demo@practice.test", onFx(() -> robot.lookup("#run-input-username").queryAs(TextField.class)
                .getText()), "a default is filled in");
        robot.interact(() -> {
            robot.lookup("#run-input-base_url").queryAs(TextField.class).setText(cloud.baseUrl());
            robot.lookup("#run-input-cap").queryAs(TextField.class).setText(cap);
        });
        robot.clickOn("#run-confirm");
    }

    private static String status(FxRobot robot, String stepId) {
        return onFx(() -> AutomationTestBase.<StepLogEntry>table(robot, "#run-log").getItems().stream()
                .filter(e -> e.stepId().equals(stepId)).findFirst().orElseThrow().status());
    }

    private static void awaitCheckpoint(FxRobot robot, String type) {
        waitUntil("the " + type + " checkpoint dialog", () -> robot.lookup("#checkpoint-type").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().contains(type)).orElse(false));
    }

    @Test
    void runShowsEachStepLiveAndCheckpointsAskInTheDialog(FxRobot robot) throws IOException {
        startRun(robot, "45");
        awaitCheckpoint(robot, "account");
        assertEquals("running", status(robot, "login-submit"), "signing in submits a password form: it asks first");
        robot.clickOn("#checkpoint-approve");
        awaitCheckpoint(robot, "billing");
        assertEquals("completed", status(robot, "login-submit"), "the log shows the steps done so far");
        assertEquals("running", status(robot, "open-billing"), "and the step waiting at its checkpoint");
        assertEquals("not_started", status(robot, "save-cap"));
        robot.clickOn("#checkpoint-approve");
        waitUntil("the save-cap checkpoint", () -> "running".equals(status(robot, "save-cap"))
                && robot.lookup("#checkpoint-approve").tryQuery().isPresent());
        robot.clickOn("#checkpoint-approve");
        waitUntil("the run finished", () -> text(robot, "#run-outcome").startsWith("Run finished"));

        assertEquals("Run finished: success.", text(robot, "#run-outcome"));
        assertEquals("completed", status(robot, "billing-after"));
        assertEquals(List.of(new BigDecimal("45")), cloud.state().capChanges());
        waitUntil("the list counts the run", () -> onFx(() -> AutomationTestBase.<AutomationScript>table(robot,
                "#program-table").getItems().getFirst().executionCount()) == 1);
        assertFalse(DesktopTestKit.allVisibleText().contains(CANARY), "the practice password was shown");
        try (VaultSession s = session(); Stream<Path> walk = Files.walk(dataDir)) {
            String scriptId = new ScriptService(s).list().getFirst().id();
            ExecutionRecord run = new RunHistory(s).runsOf(scriptId, 1).getFirst();
            assertEquals("success", run.status().dbValue());
            assertTrue(walk.filter(Files::isRegularFile).noneMatch(ProgramRunFlowTest::holdsCanary),
                    "the practice password is in a file of the data folder");
        }
    }

    @Test
    void stopEndsTheRunBeforeItsNextStepAndChangesNothing(FxRobot robot) {
        startRun(robot, "999");
        // Chromium is still starting: the run stops before its next step (at a checkpoint the dialog's Reject stops it).
        robot.clickOn("#run-stop");
        waitUntil("the run finished", () -> text(robot, "#run-outcome").startsWith("Run finished"));
        String outcome = text(robot, "#run-outcome");
        assertTrue(outcome.contains("Stopped by you"), outcome);
        assertTrue(robot.lookup("#checkpoint-approve").tryQuery().isEmpty(), "no checkpoint was asked");
        assertEquals("not_started", status(robot, "save-cap"));
        assertTrue(cloud.state().capChanges().isEmpty(), "nothing was saved");
        assertFalse(DesktopTestKit.allVisibleText().contains(CANARY), "the practice password was shown");
    }

    /** Names and bytes alike: the vault is encrypted, so the password must show up in no file as plain text. */
    private static boolean holdsCanary(Path file) {
        try {
            return file.toString().contains(CANARY)
                    || new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(CANARY);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
