package dev.keyward.vault;

/**
 * What a person can do about an error, as data: each front end words it (a CLI hint naming a
 * command, a desktop action naming a page or button). The facts a remedy needs (a secret's name,
 * a script's id) travel in the error's {@link ErrorFacts}.
 */
public enum Remedy {
    /** The sentence is all there is to say. */
    NONE,
    /** A passing failure: the same action may work now. */
    TRY_AGAIN,
    /** The person refused (or did not answer) an approval in the app: ask again and allow it there. */
    ALLOW_IN_APP,
    /** Try again; if it keeps failing, check the profile's integrity. */
    VERIFY_IF_REPEATED,
    /** No profile exists yet: create one. */
    CREATE_PROFILE,
    /** Several profiles exist and none was named: choose one. */
    CHOOSE_PROFILE,
    /** The named profile does not exist: see which do. */
    SHOW_PROFILES,
    /** The named secret does not exist: see which do. */
    SHOW_SECRETS,
    /** The named project does not exist: see which do. */
    SHOW_PROJECTS,
    /** The named provider does not exist: see which do. */
    SHOW_PROVIDERS,
    /** The named script does not exist or was not named well: see the scripts and their ids. */
    SHOW_SCRIPTS,
    /** The named discovery finding does not exist: see the findings. */
    SHOW_FINDINGS,
    /** The named recommendation does not exist: see the recommendations. */
    SHOW_RECOMMENDATIONS,
    /** The password was wrong: try again, or unlock with the recovery code. */
    RETRY_PASSWORD_OR_RECOVER,
    /** The recovery code was wrong: check it for typos. */
    CHECK_RECOVERY_CODE,
    /** Data on disk is damaged: restore the profile from a backup. */
    RESTORE_FROM_BACKUP,
    /** Data may be damaged: check the profile's integrity, or restore from a backup. */
    VERIFY_OR_RESTORE,
    /** The secret named in the facts exists already: rotate it to change its value. */
    ROTATE_SECRET,
    /** The secret named in the facts is missing: add it. */
    ADD_SECRET,
    /** The secret named in the facts has no provider: give it one. */
    SET_SECRET_PROVIDER,
    /** The script named in the facts is not approved: review and approve it. */
    APPROVE_SCRIPT,
    /** No usable browser: install Chromium or point Keyward at one. */
    INSTALL_BROWSER,
    /** A program was filed under another provider than its own: file it under its own, or fix it. */
    MATCH_PROGRAM_PROVIDER,
    /** The LLM could not write a usable program: rephrase, try another model, or use the template. */
    USE_TEMPLATE,
    /** The reference library has nothing to offer yet: sync it. */
    SYNC_REFERENCE_LIBRARY,
    /** The project named in the facts has no folder on record: scan its folder once. */
    SCAN_PROJECT_FOLDER,
    /** A git repository's own files could not be read: let git check it. */
    CHECK_GIT_REPOSITORY,
    /** A pre-commit hook Keyward did not write is in place: replace it only on purpose (a copy is kept). */
    REPLACE_HOOK,
    /** A selector of the provider named in the facts stopped matching: add a new version. */
    ADD_DASHBOARD_SELECTOR,
    /** Some keys were not collected: the dashboard has each key's details. */
    SHOW_DASHBOARD,
    /** The automation tables are missing: enable automation for the profile. */
    ENABLE_AUTOMATION,
    /** The profile is locked: unlock it first. */
    UNLOCK_FIRST,
    /** Something unexpected: the details are in the log; please report it. */
    REPORT_PROBLEM
}
