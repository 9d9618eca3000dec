package dev.keyward.app.ui.automation;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.automation.program.TaskType;
import dev.keyward.automation.scripts.ApprovalStatus;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Import, review, approve, filter and generate programs on the Automation page. */
class ProgramReviewFlowTest extends AutomationTestBase {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void invalidProgramShowsItsProblemsAndStoresNothing(FxRobot robot) throws IOException {
        openAutomation(robot);
        Path file = sample("rotate-api-key.json");
        Files.writeString(file, Files.readString(file).replace("\"type\": \"extract\"", "\"type\": \"run_js\""));
        files.answer(file);
        robot.clickOn("#program-import");
        waitUntil("the problem is shown inline", () -> text(robot, "#automation-status")
                .contains("step 'store-new-key': field 'type' must be one of"));
        try (VaultSession s = session()) {
            assertTrue(new ScriptService(s).list().isEmpty(), "an invalid program was stored");
        }
    }

    @Test
    void importedProgramIsReviewedStepByStepAndApprovalPersists(FxRobot robot) throws IOException {
        openAutomation(robot);
        Path file = sample("set-billing-cap.json");
        files.answer(file);
        robot.clickOn("#program-import");
        waitUntil("the program is listed and reviewed", () -> table(robot, "#program-table").getItems().size() == 1
                && table(robot, "#review-steps").getItems().size() == 10);

        List<ProgramFacts.StepLine> steps = onFx(() -> List.copyOf(
                AutomationTestBase.<ProgramFacts.StepLine>table(robot, "#review-steps").getItems()));
        assertEquals(List.of("open-login", "login-username", "login-password", "login-submit", "signed-in",
                "open-billing", "enter-cap", "save-cap", "cap-saved", "billing-after"),
                steps.stream().map(ProgramFacts.StepLine::id).toList(), "every step, in order");
        ProgramFacts.StepLine save = steps.get(7);
        assertEquals("click", save.kind());
        assertEquals("button:has-text(\"Save cap\")", save.target());
        assertTrue(save.gated() && save.risk().contains("billing"), save.risk());
        assertTrue(steps.get(5).gated() && steps.get(5).risk().contains("billing"), "the rules gate the billing page");
        assertFalse(steps.get(2).gated(), "typing the password is not a checkpoint");
        assertTrue(text(robot, "#review-domains").contains("127.0.0.1"));
        String placeholders = text(robot, "#review-placeholders");
        assertTrue(placeholders.contains("{{secret:practice-cloud-password}}") && placeholders.contains("{{input:cap}}"),
                placeholders);
        assertTrue(onFx(() -> robot.lookup("#review-run").queryAs(Button.class).isDisabled()), "pending: no run");

        robot.clickOn("#review-approve");
        waitUntil("the confirmation names what approval allows", () -> robot.lookup("#approve-explanation").tryQuery()
                .isPresent());
        assertTrue(text(robot, "#approve-explanation").contains("without the first-run script review"));
        robot.clickOn("#approve-confirm");
        waitUntil("the review says approved", () -> text(robot, "#review-details").contains("approved at"));
        assertFalse(onFx(() -> robot.lookup("#review-run").queryAs(Button.class).isDisabled()), "approved: may run");
        try (VaultSession s = session()) {
            AutomationScript stored = new ScriptService(s).list().getFirst();
            assertEquals(ApprovalStatus.APPROVED, stored.approvalStatus());
            assertNotNull(stored.approvedAt());
        }

        robot.interact(() -> robot.lookup("#program-filter").queryAs(ComboBox.class).setValue(ProgramFilter.PENDING));
        waitUntil("no pending program", () -> table(robot, "#program-table").getItems().isEmpty());

        Files.writeString(file, Files.readString(file).replace("Saves {{input:cap}} as", "Stores {{input:cap}} as"));
        files.answer(file);
        robot.clickOn("#program-import");
        waitUntil("the edited program is version 2 and pending again", () -> text(robot, "#review-details")
                .contains("version 2") && text(robot, "#review-details").contains("pending"));
        assertEquals(1, onFx(() -> table(robot, "#program-table").getItems().size()));
        try (VaultSession s = session()) {
            assertEquals(ApprovalStatus.PENDING, new ScriptService(s).list().getFirst().approvalStatus());
        }

        waitUntil("reject is ready", () -> !robot.lookup("#review-reject").queryButton().isDisabled());
        // Fired rather than clicked: after other TestFX classes in the same JVM, Monocle's pointer sometimes misses it.
        robot.interact(() -> robot.lookup("#review-reject").queryButton().fire());
        waitUntil("rejected", () -> text(robot, "#review-details").contains("rejected"));
        try (VaultSession s = session()) {
            assertEquals(ApprovalStatus.REJECTED, new ScriptService(s).list().getFirst().approvalStatus());
        }
        assertFalse(DesktopTestKit.allVisibleText().contains(CANARY), "a secret value was shown");
    }

    @Test
    @SuppressWarnings("unchecked")
    void generatedTemplateProgramLandsPendingInTheReview(FxRobot robot) {
        openAutomation(robot);
        robot.clickOn("#program-generate");
        waitUntil("the generate form shows", () -> robot.lookup("#generate-sentence").tryQuery().isPresent());
        robot.interact(() -> {
            ComboBox<String> provider = robot.lookup("#generate-provider").queryAs(ComboBox.class);
            provider.getEditor().setText("practice-cloud");
            robot.lookup("#generate-task").queryAs(ComboBox.class).setValue(TaskType.API_KEY_MANAGEMENT);
            robot.lookup("#generate-sentence").queryAs(TextField.class).setText("Create a new API key");
        });
        robot.clickOn("#generate-confirm");
        waitUntil("the generated program is reviewed", () -> !table(robot, "#review-steps").getItems().isEmpty());
        assertTrue(text(robot, "#review-details").contains("pending"), text(robot, "#review-details"));
        assertTrue(text(robot, "#review-details").contains("written by template"), text(robot, "#review-details"));
        List<ProgramFacts.StepLine> steps = onFx(() -> List.copyOf(
                AutomationTestBase.<ProgramFacts.StepLine>table(robot, "#review-steps").getItems()));
        assertTrue(steps.stream().anyMatch(s -> s.gated() && s.risk().contains("api_key")), "creating a key is gated");
        try (VaultSession s = session()) {
            AutomationScript stored = new ScriptService(s).list().getFirst();
            assertEquals(ApprovalStatus.PENDING, stored.approvalStatus());
            assertEquals("template", stored.modelUsed());
        }
    }
}
