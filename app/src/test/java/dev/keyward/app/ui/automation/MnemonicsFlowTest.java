package dev.keyward.app.ui.automation;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Alt+letter fires a control only when that letter is the only visible mnemonic in the window; two of
 * them (a page's "_Refresh" and the rail's "_Reference library") just move the focus between the two.
 * Every page shares the window with the rail and the menu bar.
 */
class MnemonicsFlowTest extends AutomationTestBase {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void everyMnemonicOnEveryPageIsTheOnlyOneOfItsLetter(FxRobot robot) {
        openAutomation(robot);
        assertEquals(Map.of(), clashes(robot), "mnemonics shared on the Automation page");
        robot.clickOn("#nav-dashboard");
        waitUntil("the dashboard shows", () -> robot.lookup("#dashboard-refresh").tryQuery().isPresent());
        assertEquals(Map.of(), clashes(robot), "mnemonics shared on the Dashboard page");
        robot.clickOn("#nav-discovery");
        waitUntil("the discovery inbox shows", () -> robot.lookup("#discovery-check-now").tryQuery().isPresent());
        assertEquals(Map.of(), clashes(robot), "mnemonics shared on the Discovery page");
        // The rail is on every page: a letter a rail entry takes is taken on all of them.
        for (String[] page : new String[][] {{"secrets", "#secrets-table"}, {"projects", "#projects-list"},
                {"scan", "#scan-start"}, {"reference-library", "#reflib-sync"}, {"audit-log", "#audit-table"},
                {"settings", "#settings-save"}}) {
            robot.clickOn("#nav-" + page[0]);
            waitUntil("the " + page[0] + " page shows", () -> robot.lookup(page[1]).tryQuery().isPresent());
            assertEquals(Map.of(), clashes(robot), "mnemonics shared on the " + page[0] + " page");
        }
    }

    /** Each letter used by more than one visible mnemonic, with the texts that use it. */
    private static Map<String, List<String>> clashes(FxRobot robot) {
        return onFx(() -> {
            Map<String, List<String>> byLetter = new TreeMap<>();
            collect(robot.lookup("#main-view").query().getScene().getRoot(), byLetter);
            byLetter.values().removeIf(texts -> texts.size() < 2);
            return byLetter;
        });
    }

    private static void collect(Node node, Map<String, List<String>> byLetter) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.isMnemonicParsing() && labeled.getText() != null) {
            String text = labeled.getText();
            int mark = text.indexOf('_');
            if (mark >= 0 && mark + 1 < text.length()) {
                String letter = text.substring(mark + 1, mark + 2).toLowerCase(Locale.ROOT);
                byLetter.computeIfAbsent(letter, k -> new ArrayList<>()).add(text);
            }
            // A menu button draws its text with a Label of its own: one mnemonic, not two.
            return;
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, byLetter));
        }
    }
}
