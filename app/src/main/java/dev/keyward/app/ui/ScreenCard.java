package dev.keyward.app.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A card of a full-window screen (unlock, create, recovery code, a problem) centred in the window;
 * when the window is smaller than the card, the screen scrolls rather than cutting the card's text.
 */
public final class ScreenCard {

    private ScreenCard() {
    }

    /** Styles {@code card}, caps its width at {@code maxWidth}, and returns it centred in a scrolling pane. */
    public static ScrollPane centred(VBox card, double maxWidth) {
        card.getStyleClass().add("screen-card");
        card.setMaxWidth(maxWidth);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane centre = new StackPane(card);
        centre.setAlignment(Pos.CENTER);
        centre.setPadding(new javafx.geometry.Insets(16));
        // The scroll pane sizes its content to the viewport but never below the card's own height.
        centre.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(centre);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        // A scroll pane does not follow the keyboard focus: after each key, bring the focused control into view.
        scroll.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (scroll.getScene() != null) {
                reveal(scroll, scroll.getScene().getFocusOwner());
            }
        });
        return scroll;
    }

    /** Scrolls {@code scroll} the least needed for {@code node} (inside its content) to show whole. */
    static void reveal(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        if (node == null || content == null || !isInside(node, content)) {
            return;
        }
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewHeight = scroll.getViewportBounds().getHeight();
        double range = contentHeight - viewHeight;
        if (range <= 0) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double offset = scroll.getVvalue() * range;
        if (b.getMinY() < offset) {
            offset = b.getMinY() - 8;
        } else if (b.getMaxY() > offset + viewHeight) {
            offset = b.getMaxY() - viewHeight + 8;
        } else {
            return;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, offset / range)));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
