package dev.keyward.app.error;

/**
 * What the desktop offers for an error: a page to open or a button to press, with the label of
 * that button and a sentence of advice naming it. Never a command to type.
 */
public enum DesktopAction {
    NONE("", ""),
    TRY_AGAIN("Try again", "Try again."),
    /** Nothing to press now: the approval window opens again when the program asks again. */
    ALLOW_WHEN_ASKED("", "If the program should have it, choose Allow when Keyward asks again."),
    TRY_AGAIN_OR_RESTORE("Try again", "Try again; if it keeps happening, lock the profile and use "
            + "Restore from backup on the unlock screen."),
    CHECK_PASSWORD("Try again", "Check the password and try again."),
    CHECK_RECOVERY_CODE("Try again", "Check the recovery code for typos."),
    CREATE_PROFILE("New profile…", "Create one with New profile…."),
    CHOOSE_PROFILE("Choose profile", "Choose one from the profile list on the unlock screen."),
    RESTORE_FROM_BACKUP("Restore from backup…", "Restore the profile with Restore from backup… on the unlock screen."),
    OPEN_SECRETS("Open Secrets", "The Secrets page lists them."),
    OPEN_PROVIDERS("Open Secrets", "The Provider list in a secret's form on the Secrets page shows them."),
    ROTATE_SECRET("Open Secrets", "To give it a new value, select it on the Secrets page and choose Rotate…."),
    ADD_SECRET("Open Secrets", "Add it with New secret… on the Secrets page."),
    SET_SECRET_PROVIDER("Open Secrets", "Give it one: select it on the Secrets page and choose Edit…."),
    OPEN_PROJECTS("Open Projects", "The Projects page lists them."),
    OPEN_PROGRAMS("Open Automation", "The Automation page lists the programs."),
    APPROVE_PROGRAM("Open Automation", "Review it on the Automation page and choose Approve…."),
    FIX_PROGRAM_PROVIDER("Open Automation", "Import it for its own provider, or fix the program's provider field."),
    GENERATE_FROM_TEMPLATE("Open Automation", "Rephrase the request or try another model; without an LLM set up in "
            + "Settings, Generate… writes Keyward's template program instead."),
    CHOOSE_PROJECT_FOLDER("Open Automation", "Choose the project's folder with Browse… under Recommendations on the "
            + "Automation page, then Find services."),
    OPEN_RECOMMENDATIONS("Open Automation", "The Recommendations on the Automation page list them."),
    OPEN_DISCOVERY("Open Discovery", "The Discovery inbox lists them."),
    OPEN_DASHBOARD("Open Dashboard", "The Dashboard shows each key's details."),
    ENABLE_AUTOMATION("Open Dashboard", "Enable it with Enable the dashboard on the Dashboard page."),
    OPEN_REFERENCE_LIBRARY("Open Reference library", "Sync it on the Reference library page for better grounding."),
    SET_BROWSER("Open Settings", "Install Chromium, or set the browser executable in Settings."),
    CHECK_GIT_REPOSITORY("", "Git's own check of the repository (fsck) shows what is damaged."),
    REPLACE_HOOK_ON_PURPOSE("", "Replace that hook only on purpose; Keyward then keeps a copy of the old one."),
    UNLOCK("Unlock", "Unlock the profile first."),
    SHOW_LOG("", "The details are in the log.");

    private final String label;
    private final String advice;

    DesktopAction(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    /** The text of the button that offers the action; empty when there is none. */
    public String label() {
        return label;
    }

    /** One sentence naming the page or button, for places that show text only. */
    public String advice() {
        return advice;
    }
}
