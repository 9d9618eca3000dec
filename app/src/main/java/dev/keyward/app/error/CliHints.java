package dev.keyward.app.error;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Remedy;

/** The command line's words for each {@link Remedy}: a hint that names the command to run. */
final class CliHints {

    private CliHints() {
    }

    /** The hint for {@code remedy}, filled with the error's facts; empty when there is nothing to add. */
    static String hint(Remedy remedy, ErrorFacts facts) {
        return facts.fill(switch (remedy) {
            case NONE -> "";
            case TRY_AGAIN -> "Try again.";
            case ALLOW_IN_APP -> "Run the command again and choose Allow in the Keyward app's approval window.";
            case VERIFY_IF_REPEATED -> "Try again, and run 'keyward profile verify' if it repeats.";
            case CREATE_PROFILE -> "Create one with 'keyward profile create NAME'.";
            case CHOOSE_PROFILE -> "Name one with --profile NAME (or KEYWARD_PROFILE); 'keyward profile list' shows them.";
            case SHOW_PROFILES -> "'keyward profile list' shows the profiles.";
            case SHOW_SECRETS -> "'keyward secret list' shows the names.";
            case SHOW_PROJECTS -> "'keyward project list' shows the projects.";
            case SHOW_PROVIDERS -> "'keyward provider list' shows them.";
            case SHOW_SCRIPTS -> "'keyward script list' shows them.";
            case SHOW_FINDINGS -> "'keyward discovery list' shows them.";
            case SHOW_RECOMMENDATIONS -> "'keyward recommend list' shows them.";
            case RETRY_PASSWORD_OR_RECOVER -> "Try again, or use your recovery code (keyward profile recover).";
            case CHECK_RECOVERY_CODE -> "Check it for typos.";
            case RESTORE_FROM_BACKUP -> "Restore it from a backup (keyward backup restore FILE).";
            case VERIFY_OR_RESTORE -> "Run 'keyward profile verify' or restore from a backup (keyward backup restore FILE).";
            case ROTATE_SECRET -> "Use 'keyward secret rotate {secret}' to give it a new value.";
            case ADD_SECRET -> "Add it with 'keyward secret add {secret}'.";
            case SET_SECRET_PROVIDER -> "Give it one with 'keyward secret edit {secret} --provider SLUG'.";
            case APPROVE_SCRIPT -> "Review it and run 'keyward script approve {script}' before running it.";
            case INSTALL_BROWSER -> "Install Chromium (apt-get install chromium), or point KEYWARD_CHROMIUM"
                    + " or 'keyward settings set browser_executable PATH' at its executable.";
            case MATCH_PROGRAM_PROVIDER -> "Fix the program's provider, or file it under its own with"
                    + " 'keyward script import FILE --provider {detail}'.";
            case USE_TEMPLATE -> "Rephrase the request, try another model, or run 'keyward script generate --template',"
                    + " which writes a template program without the LLM.";
            case SYNC_REFERENCE_LIBRARY -> "Sync it with 'keyward reflib sync' for better grounding.";
            case SCAN_PROJECT_FOLDER -> "Run 'keyward recommend PATH --project {project}' once to scan PATH and remember it.";
            case CHECK_GIT_REPOSITORY -> "Run 'git fsck' in it to see what is damaged.";
            case REPLACE_HOOK -> "Run 'keyward scan --install-hook --force' to replace it; the old hook is kept as a copy next to it.";
            case ADD_DASHBOARD_SELECTOR -> "Add a new version with 'keyward dashboard selector add'.";
            case SHOW_DASHBOARD -> "'keyward dashboard show' has the details.";
            case ENABLE_AUTOMATION -> "Enable it with 'keyward automation enable'.";
            case UNLOCK_FIRST -> "Give the profile's password when the command asks for it (or in KEYWARD_PASSWORD).";
            case REPORT_PROBLEM -> "Nothing was half-written: every change is one transaction. Please report this.";
        });
    }
}
