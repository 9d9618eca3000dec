package dev.keyward.app.ui;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The check behind the on-display tests finds each kind of cut text issue 12 saw (a title shortened
 * to "Create your Keyward pro...", a page title collapsed to "...", a key's error line cut mid-word,
 * a column header shown as "Ve...", a recovery code that needs scrolling), a text field or label
 * pushed out of the window, and a tree line (a long path) running past the tree's right edge; the same
 * texts with room enough are not reported.
 */
@DesktopTest
class CutTextsTest {

    private static final String TITLE = "Create your Keyward profile";
    private static final String PAGE_TITLE = "Dashboard";
    private static final String ERROR_LINE = "OPENAI_API_KEY: Collection failed: the provider answered 503 Service Unavailable";
    private static final String HEADER = "Version";
    private static final String CODE = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567";
    private static final String FIELD = "https://status.example.test/api/v2/summary.json";
    private static final String TREE_LINE = "proj/services/billing/config/settings.json, line 3, column 12";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new VBox(), 1000, 680));
        stage.show();
    }

    @Test
    void everyKindOfCutTextIsReported() {
        List<String> cut = show(false);

        assertReported(cut, "'" + TITLE + "' is shown as");
        assertReported(cut, "'" + PAGE_TITLE + "' is shown as");
        assertReported(cut, "'" + ERROR_LINE + "' is shown as");
        assertReported(cut, "'" + HEADER + "' is shown as");
        assertReported(cut, "text field #field '" + FIELD + "' needs");
        assertReported(cut, "'Outside' lies outside the window");
        assertReported(cut, "'" + TREE_LINE + "' runs past the right edge of its list");
        assertFalse(onFx(() -> CutTexts.wholeTextShows(code())), "a recovery code that needs scrolling is reported");
    }

    @Test
    void theSameTextsWithRoomEnoughAreNotReported() {
        assertEquals(List.of(), show(true));
        assertTrue(onFx(() -> CutTexts.wholeTextShows(code())));
    }

    private static void assertReported(List<String> cut, String part) {
        assertTrue(cut.stream().anyMatch(c -> c.contains(part)), "'" + part + "' not among:\n" + String.join("\n", cut));
    }

    private TextArea code() {
        return (TextArea) stage.getScene().lookup("#code");
    }

    /** Shows every kind of text, each narrower than it needs unless {@code roomy}; returns what the check finds. */
    private List<String> show(boolean roomy) {
        List<String> cut = onFx(() -> {
            Label title = sized(new Label(TITLE), roomy ? 600 : 140);
            title.setStyle("-fx-font-size: 20px;");
            Label page = sized(new Label(PAGE_TITLE), roomy ? 600 : 10);
            Label error = sized(new Label(ERROR_LINE), roomy ? 900 : 200);
            TableView<String> table = new TableView<>();
            TableColumn<String, String> column = new TableColumn<>(HEADER);
            column.setPrefWidth(roomy ? 200 : 24);
            table.getColumns().add(column);
            table.setPrefHeight(90);
            TextArea code = new TextArea(CODE);
            code.setId("code");
            code.setWrapText(true);
            code.setPrefRowCount(1);
            code.setMinHeight(Region.USE_PREF_SIZE);
            sized(code, roomy ? 900 : 120);
            TextField field = sized(new TextField(FIELD), roomy ? 900 : 120);
            field.setId("field");
            TreeView<String> tree = new TreeView<>(new TreeItem<>(TREE_LINE));
            tree.setPrefHeight(60);
            sized(tree, roomy ? 900 : 120);
            Label outside = new Label("Outside");
            if (!roomy) {
                outside.setTranslateX(2000);
            }
            stage.getScene().setRoot(new VBox(8, title, page, error, table, code, field, tree, outside));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> CutTexts.in(stage.getScene(), roomy ? "roomy" : "narrow"));
    }

    private static <T extends Region> T sized(T node, double width) {
        node.setMinWidth(width);
        node.setPrefWidth(width);
        node.setMaxWidth(width);
        return node;
    }
}
