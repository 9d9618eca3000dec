package dev.keyward.app.ui.tray;

/** What the tray menu can ask the app to do; each runs on the JavaFX thread. */
public record TrayActions(Runnable open, Runnable refreshNow, Runnable lock, Runnable lockAndStop, Runnable quit) {
}
