package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopTestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Scan page in the real window: reached from the navigation rail, worked with the keyboard alone (Tab to
 * each control, Space on Add folder, Enter on Start), and no text cut at the default and the minimum window
 * size, with results and with the Adopt dialog open.
 */
class ScanPageShellFlowTest extends ShellTestBase {

    private static final String VALUE = "kw-canary-shellscan-3c2b1a0f9e8d";
    private static final String LONG_PATH = "a-project-with-a-rather-long-name/services/billing-and-invoicing/config"
            + "/environments/production-eu-west-with-failover";

    @TempDir
    Path tree;

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        workProfileWith("PAYMENTS_API_KEY_FOR_THE_PRODUCTION_ACCOUNT", VALUE);
    }

    @Test
    void theScanPageIsWorkedByKeyboardAloneAndNoTextIsCut(FxRobot robot) throws Exception {
        // A place whose line is far wider than the window, even at the default size.
        Path deep = Files.createDirectories(tree.resolve(LONG_PATH));
        Files.writeString(deep.resolve("settings.production.json"), "{\"key\": \"" + VALUE + "\"}\n");
        Files.writeString(deep.resolve(".env"), "PAYMENTS=" + VALUE + "\nNEW_TOKEN=kw-canary-another-value-123456\n");
        unlock(robot);
        robot.clickOn("#nav-scan");
        waitUntil("the Scan page shows", () -> robot.lookup("#scan-page").tryQuery().isPresent());

        files.answer(tree);
        List<String> order = tabUntil(robot, "scan-add-folder");
        robot.type(KeyCode.SPACE);
        waitUntil("the folder is added", () -> !robot.lookup("#scan-folders").queryListView().getItems().isEmpty());
        order.addAll(tabUntil(robot, "scan-start"));
        assertTrue(order.indexOf("scan-key-formats") < order.indexOf("scan-honour-ignore")
                && order.indexOf("scan-honour-ignore") < order.indexOf("scan-start"), "Tab order: " + order);
        robot.type(KeyCode.ENTER);
        waitUntil("the scan ends", () -> text(robot, "#scan-status").startsWith("Scan finished"));
        assertTrue(text(robot, "#scan-status").contains("2 places in 1 group"), text(robot, "#scan-status"));

        tabUntil(robot, "scan-results");
        robot.type(KeyCode.DOWN, 3);
        waitUntil("a line is chosen", () -> treeOf(robot).getSelectionModel().getSelectedItem() != null);

        List<String> cut = new ArrayList<>();
        for (double[] size : new double[][] {{1000, 680}, {720, 480}}) {
            resize(size);
            cut.addAll(onFx(() -> CutTexts.inOpenWindows("scan page " + (int) size[0] + "x" + (int) size[1])));
        }
        // At the minimum size the long place is on screen, whole (CutTexts: not shortened, not past the tree's edge).
        String place = tree.getFileName() + "/" + LONG_PATH + "/settings.production.json, line 1, column 10";
        assertTrue(onFx(() -> shownLines(robot)).stream().anyMatch(line -> line.startsWith(place)),
                "the long place is shown: " + onFx(() -> shownLines(robot)));

        robot.interact(() -> {
            TreeView<?> t = treeOf(robot);
            for (int i = 0; i < t.getExpandedItemCount(); i++) {
                if (String.valueOf(t.getTreeItem(i).getValue()).contains("to move into project")) {
                    t.getSelectionModel().select(i);
                }
            }
        });
        int windows = onFx(() -> Window.getWindows().size());
        tabUntil(robot, "scan-adopt");
        robot.type(KeyCode.SPACE);
        waitUntil("the plan shows", () -> robot.lookup("#adopt-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        cut.addAll(onFx(() -> CutTexts.inOpenWindows("adopt dialog at 720x480")));
        robot.type(KeyCode.ESCAPE);
        waitUntil("the plan is closed", () -> Window.getWindows().size() == windows);
        assertEquals(List.of(), cut, "texts cut short");
        assertFalse(DesktopTestKit.allVisibleText().contains(VALUE), "no value is shown");
    }

    /** Presses Tab until the node with {@code id} has the focus; returns the ids passed on the way. */
    private List<String> tabUntil(FxRobot robot, String id) {
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String focused = onFx(() -> {
                Node owner = stage.getScene().getFocusOwner();
                return owner == null ? "" : String.valueOf(owner.getId());
            });
            passed.add(focused);
            if (focused.equals(id)) {
                return passed;
            }
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("Tab never reached #" + id + ": " + passed);
    }

    private void resize(double[] size) {
        onFx(() -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The results lines that have a cell on screen. */
    private static List<String> shownLines(FxRobot robot) {
        return treeOf(robot).lookupAll(".tree-cell").stream()
                .filter(n -> n.isVisible() && n instanceof TreeCell<?> c && c.getText() != null)
                .map(n -> ((TreeCell<?>) n).getText()).toList();
    }

    private static TreeView<?> treeOf(FxRobot robot) {
        return robot.lookup("#scan-results").queryAs(TreeView.class);
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
