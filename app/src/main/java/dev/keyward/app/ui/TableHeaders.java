package dev.keyward.app.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps every column header of a table readable: a column may not be made narrower than its
 * header's title, so a narrow window scrolls the table sideways instead of cutting "Version" to "Ve...".
 */
public final class TableHeaders {

    /** Room for the sort arrow that appears beside a sorted column's title. */
    private static final double SORT_ARROW = 14;

    private TableHeaders() {
    }

    /** Sets each column's minimum width from its header once the headers exist, and again when they change. */
    public static void keepWhole(TableView<?> table) {
        table.widthProperty().addListener((o, a, b) -> fit(table));
        table.skinProperty().addListener((o, a, b) -> Platform.runLater(() -> fit(table)));
        table.getColumns().addListener((javafx.collections.ListChangeListener<Object>) c -> Platform.runLater(() -> fit(table)));
    }

    private static void fit(TableView<?> table) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Labeled title) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                double needed = Math.ceil(title.prefWidth(-1) + header.getInsets().getLeft()
                        + header.getInsets().getRight() + SORT_ARROW);
                if (column.getMinWidth() < needed) {
                    column.setMinWidth(needed);
                }
            }
        }
    }
}
