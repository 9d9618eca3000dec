package dev.keyward.app.ui.tray;

/** A short message for the user outside the window; it never holds a secret value. */
public record Notification(String title, String text, Urgency urgency) {

    /** How loudly to tell. */
    public enum Urgency { INFO, ATTENTION }

    public static Notification info(String title, String text) {
        return new Notification(title, text, Urgency.INFO);
    }
}
