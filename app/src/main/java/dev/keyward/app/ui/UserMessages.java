package dev.keyward.app.ui;

import dev.keyward.app.error.DesktopMessage;
import dev.keyward.app.error.ErrorWording;

/**
 * The desktop's door to {@link ErrorWording}: the sentence a user reads for an error, with the
 * desktop action it offers (never a command to type, never a stack trace).
 */
public final class UserMessages {

    private static final System.Logger LOG = System.getLogger(UserMessages.class.getName());

    private UserMessages() {
    }

    /** The sentence and the action's advice, for places that show text only. */
    public static String describe(Throwable error) {
        return explain(error).text();
    }

    /** The sentence and the action, for places that can offer the action as a button. */
    public static DesktopMessage explain(Throwable error) {
        if (ErrorWording.isUnexpected(error)) {
            // Unexpected: the class and stack go to the log (vault messages never hold secret values).
            LOG.log(System.Logger.Level.ERROR, "Unexpected error in the desktop app", ErrorWording.unwrap(error));
        }
        return ErrorWording.forDesktop(error);
    }

    /** The error a background task really failed with. */
    public static Throwable unwrap(Throwable error) {
        return ErrorWording.unwrap(error);
    }
}
