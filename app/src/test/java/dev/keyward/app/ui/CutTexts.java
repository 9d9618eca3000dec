package dev.keyward.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Finds text a person cannot read whole in the open windows: a label, button, check box, list or tree
 * cell or column header drawn shortened ("Ve..."), a list or tree line that runs past the right edge, a text field whose text (or prompt) is wider than the
 * field, and any text pushed outside the window or outside a clipping pane without a way to scroll
 * to it. Table cells are left out: their data is cut by the column width the user chose.
 * Call on the JavaFX thread.
 */
public final class CutTexts {

    /** Layout rounds to half pixels; anything beyond this is a visible cut. */
    private static final double SLACK = 1.5;

    private CutTexts() {
    }

    /** Every cut text in every open (non-popup) window, each prefixed with {@code where}. */
    public static List<String> inOpenWindows(String where) {
        List<String> out = new ArrayList<>();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.isShowing() && !(w instanceof PopupWindow) && w.getScene() != null) {
                out.addAll(in(w.getScene(), where + " [" + title(w) + "]"));
            }
        }
        return out;
    }

    /** Whether all of {@code area}'s text fits in it, so nothing is scrolled away (a recovery code must show whole). */
    public static boolean wholeTextShows(javafx.scene.control.TextArea area) {
        Node content = area.lookup(".content");
        ScrollPane scroll = (ScrollPane) area.lookup(".scroll-pane");
        return content.getLayoutBounds().getHeight() <= scroll.getViewportBounds().getHeight() + 1
                && content.getLayoutBounds().getWidth() <= scroll.getViewportBounds().getWidth() + 1;
    }

    /** Every cut text in {@code scene}, each prefixed with {@code where}. */
    public static List<String> in(Scene scene, String where) {
        List<String> out = new ArrayList<>();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        walk(scene.getRoot(), scene, where, false, null, out);
        return out;
    }

    /**
     * {@code across}: the scene bounds of the list or tree a node sits in, or null. A list scrolls down, not
     * sideways: text that runs past its right edge is cut even though the list could scroll to it.
     */
    private static void walk(Node node, Scene scene, String where, boolean scrollable, Bounds across, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof TableCell<?, ?> || node instanceof TreeTableCell<?, ?>) {
            return;
        }
        if (node instanceof Labeled labeled) {
            checkLabeled(labeled, where, out);
        }
        if (node instanceof TextField field && !(field instanceof PasswordField)) {
            checkField(field, where, out);
        }
        if (!scrollable && (node instanceof Labeled || node instanceof TextField || isLooseText(node))) {
            checkInside(node, scene, where, out);
        }
        if (across != null && (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank())) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMaxX() > across.getMaxX() + SLACK) {
                out.add(where + " " + kind(l) + " '" + l.getText() + "' runs past the right edge of its list ("
                        + round(b) + " in " + round(across) + ")");
            }
        }
        if (node instanceof Parent parent) {
            boolean inner = scrollable || node instanceof ScrollPane || node instanceof VirtualFlow<?>
                    || node instanceof TableHeaderRow;
            Bounds list = node instanceof javafx.scene.control.ListView<?> || node instanceof javafx.scene.control.TreeView<?>
                    ? node.localToScene(node.getLayoutBounds()) : across;
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, scene, where, inner, list, out);
            }
        }
    }

    private static void checkLabeled(Labeled labeled, String where, List<String> out) {
        String wanted = labeled.getText();
        if (wanted == null || wanted.isBlank()) {
            return;
        }
        if (labeled.isMnemonicParsing()) {
            wanted = wanted.replaceFirst("_(?=.)", "");
        }
        Text drawn = null;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                drawn = t;
            }
        }
        if (drawn == null) {
            return;
        }
        if (!squash(drawn.getText()).equals(squash(wanted))) {
            out.add(where + " " + kind(labeled) + " '" + wanted + "' is shown as '" + drawn.getText() + "'");
        }
    }

    private static void checkField(TextField field, String where, List<String> out) {
        boolean prompt = field.getText() == null || field.getText().isEmpty();
        String shown = prompt ? field.getPromptText() : field.getText();
        if (shown == null || shown.isEmpty()) {
            return;
        }
        Text probe = new Text(shown);
        probe.setFont(field.getFont());
        double width = probe.getLayoutBounds().getWidth();
        Insets pad = field.getPadding();
        double room = field.getWidth() - pad.getLeft() - pad.getRight();
        if (width > room + SLACK) {
            out.add(where + " text field " + id(field) + (prompt ? " prompt '" : " '") + shown + "' needs "
                    + Math.round(width) + " px, has " + Math.round(room));
        }
    }

    /** Text drawn by itself (chart ticks, text flows), not the inner text of a control, which is checked above. */
    private static boolean isLooseText(Node node) {
        if (!(node instanceof Text t) || t.getText() == null || t.getText().isBlank()) {
            return false;
        }
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Labeled || p instanceof javafx.scene.control.TextInputControl) {
                return false;
            }
        }
        return true;
    }

    /** The node must lie inside the window and inside every clipping ancestor. */
    private static void checkInside(Node node, Scene scene, String where, List<String> out) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getWidth() <= 0 || b.getHeight() <= 0) {
            return;
        }
        String what = node instanceof Labeled l ? kind(l) + " '" + l.getText() + "'"
                : node instanceof TextField f ? "text field " + id(f) : "text '" + ((Text) node).getText() + "'";
        if (b.getMinX() < -SLACK || b.getMinY() < -SLACK || b.getMaxX() > scene.getWidth() + SLACK
                || b.getMaxY() > scene.getHeight() + SLACK) {
            out.add(where + " " + what + " lies outside the window (" + round(b) + " in "
                    + Math.round(scene.getWidth()) + "x" + Math.round(scene.getHeight()) + ")");
            return;
        }
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                Bounds clip = p.localToScene(p.getClip().getBoundsInParent());
                if (b.getMinX() < clip.getMinX() - SLACK || b.getMaxX() > clip.getMaxX() + SLACK
                        || b.getMinY() < clip.getMinY() - SLACK || b.getMaxY() > clip.getMaxY() + SLACK) {
                    out.add(where + " " + what + " is clipped by " + p.getClass().getSimpleName() + " ("
                            + round(b) + " in " + round(clip) + ")");
                    return;
                }
            }
        }
    }

    private static String squash(String s) {
        return s.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }

    private static String kind(Labeled l) {
        String parent = l.getParent() == null ? "" : " in " + l.getParent().getClass().getSimpleName();
        return l.getClass().getSimpleName() + id(l) + parent;
    }

    private static String id(Node n) {
        return n.getId() == null ? "" : "#" + n.getId();
    }

    private static String round(Bounds b) {
        return Math.round(b.getMinX()) + "," + Math.round(b.getMinY()) + " " + Math.round(b.getWidth()) + "x"
                + Math.round(b.getHeight());
    }

    private static String title(Window w) {
        return w instanceof javafx.stage.Stage s && s.getTitle() != null ? s.getTitle() : w.getClass().getSimpleName();
    }
}
