package dev.keyward.app.ui.shell;

import dev.keyward.app.error.DesktopAction;
import dev.keyward.app.ui.ErrorActions;
import dev.keyward.app.ui.unlock.UnlockView;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The shell's answers to the actions errors offer: a page of the main window while a profile is unlocked,
 * the unlock screen (and its restore from backup) while none is. Actions that belong to the place where
 * the error happened (try again) are not offered here; their advice stays as text.
 */
final class ShellActions implements ErrorActions {

    private final Supplier<MainView> main;
    private final Supplier<UnlockView> unlockView;
    private final Runnable showUnlockScreen;

    /**
     * @param main             the main window while a profile is unlocked, else null
     * @param unlockView       the unlock screen while it is shown, else null
     * @param showUnlockScreen brings up the unlock screen (the profile list) when it is not shown
     */
    ShellActions(Supplier<MainView> main, Supplier<UnlockView> unlockView, Runnable showUnlockScreen) {
        this.main = main;
        this.unlockView = unlockView;
        this.showUnlockScreen = showUnlockScreen;
    }

    /** The main window's page an action opens, if it opens one. */
    static Optional<PageKind> page(DesktopAction action) {
        return Optional.ofNullable(switch (action) {
            case OPEN_SECRETS, OPEN_PROVIDERS, ROTATE_SECRET, ADD_SECRET, SET_SECRET_PROVIDER -> PageKind.SECRETS;
            case OPEN_PROJECTS -> PageKind.PROJECTS;
            case OPEN_PROGRAMS, APPROVE_PROGRAM, FIX_PROGRAM_PROVIDER, GENERATE_FROM_TEMPLATE, CHOOSE_PROJECT_FOLDER,
                 OPEN_RECOMMENDATIONS -> PageKind.AUTOMATION;
            case OPEN_DISCOVERY -> PageKind.DISCOVERY;
            case OPEN_DASHBOARD, ENABLE_AUTOMATION -> PageKind.DASHBOARD;
            case OPEN_REFERENCE_LIBRARY -> PageKind.REFERENCE_LIBRARY;
            case SET_BROWSER -> PageKind.SETTINGS;
            default -> null;
        });
    }

    @Override
    public boolean offers(DesktopAction action) {
        boolean unlocked = main.get() != null;
        return switch (action) {
            case UNLOCK, CHOOSE_PROFILE -> !unlocked;
            case RESTORE_FROM_BACKUP -> !unlocked && unlockView.get() != null;
            default -> unlocked && page(action).isPresent();
        };
    }

    @Override
    public void perform(DesktopAction action) {
        if (!offers(action)) {
            throw new IllegalStateException("The action " + action + " is not offered here.");
        }
        switch (action) {
            case UNLOCK, CHOOSE_PROFILE -> {
                UnlockView shown = unlockView.get();
                if (shown != null) {
                    shown.focusPassword();
                } else {
                    showUnlockScreen.run();
                }
            }
            case RESTORE_FROM_BACKUP -> unlockView.get().startRestore();
            default -> main.get().show(page(action).orElseThrow());
        }
    }
}
