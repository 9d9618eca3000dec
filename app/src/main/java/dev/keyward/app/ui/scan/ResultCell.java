package dev.keyward.app.ui.scan;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.TreeCellSkin;

/**
 * One line of the Scan page's results, wrapped at the width of the tree: a place's path can be longer than a small
 * window is wide, and a default cell would run it past the right edge, to be read only by scrolling sideways. A
 * line about a file has that file's full path on disk as its tooltip (the line shows it from the scanned folder).
 */
final class ResultCell extends TreeCell<ResultRow> {

    /** The skin's room for a disclosure arrow when it has measured none yet (TreeCellSkin's own default). */
    private static final double DEFAULT_ARROW = 18;
    /** The gap the skin leaves after the arrow when a line has a graphic; counted always, to be safe. */
    private static final double GRAPHIC_GAP = 3;

    private final Tooltip where = new Tooltip();

    ResultCell() {
        setWrapText(true);
        // As narrow as it may be: the tree then gives each line its own width and no more, so the text wraps in it.
        setPrefWidth(0);
        where.setWrapText(true);
        where.setMaxWidth(640);
    }

    @Override
    protected void updateItem(ResultRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(empty || row == null ? null : row.text());
        if (empty || row == null || row.file() == null) {
            setTooltip(null);
        } else {
            where.setText(row.file().toAbsolutePath().normalize().toString());
            setTooltip(where);
        }
    }

    /**
     * The skin measures wrapped text across the cell's whole width but lays it out after the indent and the
     * arrow; measured there, a line's last row is never cut off.
     */
    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width < 0 ? width : Math.max(0, width - textStart()));
    }

    /** Where the skin starts the text: the indent of the line's level and the room for the disclosure arrow. */
    private double textStart() {
        TreeView<ResultRow> tree = getTreeView();
        if (tree == null || getTreeItem() == null) {
            return 0;
        }
        int level = tree.getTreeItemLevel(getTreeItem()) - (tree.isShowRoot() ? 0 : 1);
        double indent = getSkin() instanceof TreeCellSkin<?> skin ? skin.getIndent() : 10;
        Node arrow = getDisclosureNode();
        double arrowWidth = Math.max(DEFAULT_ARROW, arrow == null ? 0 : arrow.prefWidth(-1));
        return indent * Math.max(0, level) + arrowWidth + GRAPHIC_GAP;
    }
}
