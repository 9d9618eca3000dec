package dev.keyward.app.ui.automation;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.recommend.Recommendation;
import dev.keyward.automation.recommend.RecommendationService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Recommendations on the Automation page: read a project folder, then accept and reject. */
class RecommendationsFlowTest extends AutomationTestBase {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void folderScanListsServicesWithReasonsAndDecisionsPersist(FxRobot robot) throws IOException {
        Path project = Files.createDirectories(work.resolve("shop"));
        Files.writeString(project.resolve("README.md"), """
                # Shop

                A small online shop. We accept card payments at checkout and send transactional email receipts.
                """);
        openAutomation(robot);
        robot.clickOn("#tab-recommendations");
        files.answer(project.resolve("README.md"));
        robot.clickOn("#recommend-browse");
        // The chosen folder is shown once the picker's answer is handled, which may be after the click returns.
        waitUntil("the README's folder is chosen", () -> project.toAbsolutePath().toString().equals(onFx(() -> robot
                .lookup("#recommend-folder").queryAs(javafx.scene.control.TextField.class).getText())));
        robot.clickOn("#recommend-scan");
        TableView<Recommendation> table = table(robot, "#recommend-table");
        waitUntil("recommendations are listed", () -> table.getItems().size() >= 2);
        List<Recommendation> rows = onFx(() -> List.copyOf(table.getItems()));
        assertTrue(rows.stream().anyMatch(r -> r.capabilityNeeded().equals("payments")), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.rationale() != null && !r.rationale().isBlank()), "every row says why");
        assertTrue(text(robot, "#recommend-status").startsWith("Read README.md"), text(robot, "#recommend-status"));

        Recommendation first = rows.get(0);
        Recommendation second = rows.get(1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#recommend-accept");
        waitUntil("accepted", () -> text(robot, "#recommend-status").contains("accepted"));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.id().equals(second.id())).findFirst().orElseThrow()));
        robot.clickOn("#recommend-reject");
        waitUntil("rejected", () -> text(robot, "#recommend-status").contains("rejected"));

        try (VaultSession s = session()) {
            List<Recommendation> stored = new RecommendationService(s, Optional.empty()).list(null);
            assertEquals("accepted", stored.stream().filter(r -> r.id().equals(first.id())).findFirst().orElseThrow()
                    .userStatus());
            assertEquals("rejected", stored.stream().filter(r -> r.id().equals(second.id())).findFirst().orElseThrow()
                    .userStatus());
        }
    }
}
