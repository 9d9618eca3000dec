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
