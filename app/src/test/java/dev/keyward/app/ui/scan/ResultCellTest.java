package dev.keyward.app.ui.scan;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopTest;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A results line far wider than the tree wraps inside it, indent and arrow included, and shows whole (no row
 * cut, nothing past the right edge); a line about a file carries the file's full path as its tooltip.
 */
@DesktopTest
class ResultCellTest {

    private static final String LINE = "proj/" + "a-folder-with-a-rather-long-name/".repeat(5)
            + "settings.production.json, line 3, column 12: as is, current value, ending 2e60";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 320, 420));
        stage.show();
    }

    @Test
    void aLongPlaceWrapsInsideTheTreeAndShowsWhole() {
        Path file = Path.of("/work/proj/settings.production.json").toAbsolutePath();
        onFx(() -> {
            ResultsTree results = new ResultsTree(() -> { }, () -> { });
            TreeItem<ResultRow> group = new TreeItem<>(ResultRow.title("Copy of secret PAY_KEY (1 place)"));
            group.getChildren().add(new TreeItem<>(new ResultRow(LINE, file, "proj/settings.production.json", false)));
            group.setExpanded(true);
            results.tree().getRoot().getChildren().add(group);
            stage.getScene().setRoot(new VBox(results.tree()));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(), onFx(() -> CutTexts.in(stage.getScene(), "results 320 wide")));
        TreeCell<?> cell = onFx(() -> stage.getScene().getRoot().lookupAll(".tree-cell").stream()
                .map(n -> (TreeCell<?>) n).filter(c -> LINE.equals(c.getText())).findFirst().orElseThrow());
        TreeCell<?> title = onFx(() -> stage.getScene().getRoot().lookupAll(".tree-cell").stream()
                .map(n -> (TreeCell<?>) n).filter(c -> c.getText() != null && c.getText().startsWith("Copy of"))
                .findFirst().orElseThrow());
        assertTrue(onFx(() -> cell.getHeight() > 3 * title.getHeight()), "the line wraps over several rows");
        assertEquals(file.toString(), onFx(() -> cell.getTooltip().getText()), "the file's full path is its tooltip");
        assertEquals(null, onFx(title::getTooltip), "a group's title is about no one file");
    }
}
