package dev.keyward.automation.error;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Remedy;

/** The kinds of error the automation subsystem reports, each with its fact sentence and remedy. */
public enum AutomationErrorKind implements ErrorKind {
    /** The LLM could not answer; its sentence says why. */
    LLM_FAILED("{detail}", Remedy.NONE),
    /** The LLM answered, but not with a usable program; nothing was stored. */
    LLM_PROGRAM_UNUSABLE("{detail}", Remedy.USE_TEMPLATE),
    PROGRAM_INVALID("{detail}", Remedy.NONE),
    PLACEHOLDER_UNRESOLVED("{detail}", Remedy.NONE),
    SCRIPT_REJECTED("Script {script} was rejected.", Remedy.APPROVE_SCRIPT),
    SCRIPT_NOT_NAMED("No script was named; a script is named by its id.", Remedy.SHOW_SCRIPTS),
    SCRIPT_NOT_FOUND("No script with id '{script}' in this profile.", Remedy.SHOW_SCRIPTS),
    FINDING_NOT_FOUND("No discovery finding '{finding}' in this profile.", Remedy.SHOW_FINDINGS),
    RECOMMENDATION_NOT_NAMED("A recommendation is named by its id (at least 4 characters).",
            Remedy.SHOW_RECOMMENDATIONS),
    RECOMMENDATION_NOT_FOUND("No recommendation has the id {recommendation}.", Remedy.SHOW_RECOMMENDATIONS),
    PROJECT_FOLDER_UNKNOWN("Project '{project}' has no folder recorded.", Remedy.SCAN_PROJECT_FOLDER),
    SECRET_WITHOUT_PROVIDER("Secret '{secret}' has no provider, so the dashboard does not watch it.",
            Remedy.SET_SECRET_PROVIDER),
    BROWSER_NOT_FOUND("No Chromium or Chrome was found for the automation runner. Install one (on Debian or Ubuntu:"
            + " 'apt-get install chromium'), or point KEYWARD_CHROMIUM at its executable.", Remedy.INSTALL_BROWSER),
    BROWSER_NOT_STARTED("The browser at {path} did not start{detail}. Check that it is a working Chromium or Chrome,"
            + " or point KEYWARD_CHROMIUM at another one.", Remedy.INSTALL_BROWSER),
    /** A step's calls into the page did not return within its limit: the browser was ended to stop the run. */
    PAGE_STOPPED_RESPONDING("The run stopped at step '{detail}': the page stopped responding for {count} seconds,"
            + " so Keyward closed the browser. Nothing more was sent from it.", Remedy.TRY_AGAIN),
    /** The page's renderer crashed (it ran out of memory, or the browser failed). */
    PAGE_CRASHED("The run stopped at step '{detail}': the page crashed (it may have run out of memory), so Keyward"
            + " closed the browser. Nothing more was sent from it.", Remedy.TRY_AGAIN),
    /** The page kept showing dialogs; each was dismissed. */
    PAGE_DIALOG_FLOOD("The run stopped at step '{detail}': the page showed more than {count} dialogs. Keyward"
            + " dismissed each one, answered none of them yes, and closed the browser.", Remedy.NONE),
    /** The page kept opening windows. */
    PAGE_WINDOW_FLOOD("The run stopped at step '{detail}': the page opened more than {count} windows, so Keyward"
            + " closed the browser.", Remedy.NONE),
    /** The page kept navigating (reloads, history entries) within one step. */
    PAGE_NAVIGATION_FLOOD("The run stopped at step '{detail}': the page navigated more than {count} times in one"
            + " step (a reload or history loop), so Keyward closed the browser.", Remedy.NONE),
    PROGRAM_PROVIDER_MISMATCH("The program is written for provider '{detail}' but was filed under '{provider}'.",
            Remedy.MATCH_PROGRAM_PROVIDER);

    private final String template;
    private final Remedy remedy;

    AutomationErrorKind(String template, Remedy remedy) {
        this.template = template;
        this.remedy = remedy;
    }

    @Override
    public String describe(ErrorFacts facts) {
        return facts.fill(template);
    }

    @Override
    public Remedy remedy() {
        return remedy;
    }
}
