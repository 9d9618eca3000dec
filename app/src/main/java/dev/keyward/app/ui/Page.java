package dev.keyward.app.ui;

import javafx.scene.Node;

/** One screen of the main window, shown when its entry in the navigation rail is chosen. */
public interface Page {

    Node view();

    /** Ctrl+F: put the cursor in this page's search or filter field, if it has one. */
    default void focusSearch() {
    }

    /**
     * The vault changed (another process, or the agent): load again what the page lists, keeping the
     * person's selection, filter and scroll where they still exist. Called on the JavaFX thread. A page
     * whose content is a form being edited keeps this no-op, so a change elsewhere never overwrites typing;
     * dialogs hold their own fields and are not touched by a reload of the list behind them.
     */
    default void reload() {
    }

    /** The page goes away (lock, quit): wipe whatever secret data it holds or shows. */
    default void dispose() {
    }
}
