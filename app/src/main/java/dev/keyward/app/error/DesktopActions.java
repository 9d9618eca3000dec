package dev.keyward.app.error;

import dev.keyward.vault.Remedy;

/** The desktop's action for each {@link Remedy}: a page or button, never a command to type. */
final class DesktopActions {

    private DesktopActions() {
    }

    static DesktopAction action(Remedy remedy) {
        return switch (remedy) {
            case NONE -> DesktopAction.NONE;
            case TRY_AGAIN -> DesktopAction.TRY_AGAIN;
            case ALLOW_IN_APP -> DesktopAction.ALLOW_WHEN_ASKED;
            case VERIFY_IF_REPEATED -> DesktopAction.TRY_AGAIN_OR_RESTORE;
            case CREATE_PROFILE -> DesktopAction.CREATE_PROFILE;
            case CHOOSE_PROFILE, SHOW_PROFILES -> DesktopAction.CHOOSE_PROFILE;
            case SHOW_SECRETS -> DesktopAction.OPEN_SECRETS;
            case SHOW_PROJECTS -> DesktopAction.OPEN_PROJECTS;
            case SHOW_PROVIDERS -> DesktopAction.OPEN_PROVIDERS;
            case SHOW_SCRIPTS -> DesktopAction.OPEN_PROGRAMS;
            case SHOW_FINDINGS -> DesktopAction.OPEN_DISCOVERY;
            case SHOW_RECOMMENDATIONS -> DesktopAction.OPEN_RECOMMENDATIONS;
            // The desktop has no recovery-code unlock (the CLI's 'profile recover' is the way), so it offers a retry.
            case RETRY_PASSWORD_OR_RECOVER -> DesktopAction.CHECK_PASSWORD;
            case CHECK_RECOVERY_CODE -> DesktopAction.CHECK_RECOVERY_CODE;
            case RESTORE_FROM_BACKUP, VERIFY_OR_RESTORE -> DesktopAction.RESTORE_FROM_BACKUP;
            case ROTATE_SECRET -> DesktopAction.ROTATE_SECRET;
            case ADD_SECRET -> DesktopAction.ADD_SECRET;
            case SET_SECRET_PROVIDER -> DesktopAction.SET_SECRET_PROVIDER;
            case APPROVE_SCRIPT -> DesktopAction.APPROVE_PROGRAM;
            case INSTALL_BROWSER -> DesktopAction.SET_BROWSER;
            case MATCH_PROGRAM_PROVIDER -> DesktopAction.FIX_PROGRAM_PROVIDER;
            case USE_TEMPLATE -> DesktopAction.GENERATE_FROM_TEMPLATE;
            case SYNC_REFERENCE_LIBRARY -> DesktopAction.OPEN_REFERENCE_LIBRARY;
            case SCAN_PROJECT_FOLDER -> DesktopAction.CHOOSE_PROJECT_FOLDER;
            case CHECK_GIT_REPOSITORY -> DesktopAction.CHECK_GIT_REPOSITORY;
            case REPLACE_HOOK -> DesktopAction.REPLACE_HOOK_ON_PURPOSE;
            // The desktop edits no selectors; its dashboard shows which keys the drift affects.
            case ADD_DASHBOARD_SELECTOR, SHOW_DASHBOARD -> DesktopAction.OPEN_DASHBOARD;
            case ENABLE_AUTOMATION -> DesktopAction.ENABLE_AUTOMATION;
            case UNLOCK_FIRST -> DesktopAction.UNLOCK;
            case REPORT_PROBLEM -> DesktopAction.SHOW_LOG;
        };
    }
}
