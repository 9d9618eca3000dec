package dev.keyward.app.ui;

import javafx.scene.Node;

/** One screen of the main window, shown when its entry in the navigation rail is chosen. */
public interface Page {

    Node view();

    /** Ctrl+F: put the cursor in this page's search or filter field, if it has one. */
    default void focusSearch() {
    }

    /** The page goes away (lock, quit): wipe whatever secret data it holds or shows. */
    default void dispose() {
    }
}
