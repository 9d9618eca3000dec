package dev.keyward.app.ui.tray;

/**
 * The system tray as Keyward uses it: an icon with a state, a menu, and balloon messages.
 * {@link #none()} stands in on desktops without a tray.
 */
public interface TrayChannel {

    /** True when an icon really sits in a tray (closing the window then keeps Keyward running). */
    boolean isAvailable();

    /** Puts the icon in the tray with its menu; the actions run on the JavaFX thread. Called once, off the JavaFX thread. */
    void install(TrayActions actions);

    /** Shows {@code state} and a line of text (the tooltip and the menu's first line). */
    void show(TrayState state, String statusLine);

    /** A balloon message; false when this tray cannot show one. */
    boolean notify(Notification notification);

    /** Takes the icon out of the tray. */
    void remove();

    /** A tray that is not there. */
    static TrayChannel none() {
        return new NoTrayChannel();
    }

    /**
     * The AWT system tray where the desktop has one; whether it has one is found at {@link #install}, so
     * AWT starts only then (off the start-up path), and a desktop without a tray gets no icon.
     */
    static TrayChannel forThisDesktop() {
        return new AwtTrayChannel();
    }
}
