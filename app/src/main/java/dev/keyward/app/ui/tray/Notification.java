package dev.keyward.app.ui.tray;

import dev.keyward.app.error.DesktopAction;
import dev.keyward.app.error.DesktopMessage;
import java.util.Objects;

/**
 * A short message for the user outside the window; it never holds a secret value. When it tells of an
 * error, {@code action} is what the window offers to do about it as a button (the text names it too, for
 * the tray's balloon, which has no buttons).
 */
public record Notification(String title, String text, Urgency urgency, DesktopAction action) {

    /** How loudly to tell. */
    public enum Urgency { INFO, ATTENTION }

    public Notification {
        Objects.requireNonNull(action, "action");
    }

    /** A message that offers no action. */
    public Notification(String title, String text, Urgency urgency) {
        this(title, text, urgency, DesktopAction.NONE);
    }

    public static Notification info(String title, String text) {
        return new Notification(title, text, Urgency.INFO);
    }

    /** An error as the desktop words it: its sentence and advice, and its action. */
    public static Notification error(String title, DesktopMessage message) {
        return new Notification(title, message.text(), Urgency.INFO, message.action());
    }
}
