package dev.keyward.app.ui;

import dev.keyward.app.error.DesktopAction;

/**
 * Does what an error's {@link DesktopAction} names (open a page, go to the unlock screen, start a restore), so
 * the place that shows the error can offer it as a button; the shell supplies the real one.
 */
public interface ErrorActions {

    /** True when {@code action} can be done from where the window is now. */
    boolean offers(DesktopAction action);

    /** Does {@code action}; call it only when {@link #offers} said yes. */
    void perform(DesktopAction action);

    /** Offers nothing: errors show their advice as text. */
    static ErrorActions none() {
        return new ErrorActions() {
            @Override
            public boolean offers(DesktopAction action) {
                return false;
            }

            @Override
            public void perform(DesktopAction action) {
                throw new IllegalStateException("No action is offered here: " + action);
            }
        };
    }
}
