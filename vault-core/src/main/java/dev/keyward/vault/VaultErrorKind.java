package dev.keyward.vault;

/** The kinds of error vault-core reports, each with its fact sentence and remedy. */
public enum VaultErrorKind implements ErrorKind {
    /** A message-carrying error from before kinds existed: its sentence is the message itself. */
    STATED("{detail}", Remedy.NONE),
    NO_PROFILE_YET("There is no profile yet.", Remedy.CREATE_PROFILE),
    PROFILE_NOT_CHOSEN("There are {count} profiles and none was chosen.", Remedy.CHOOSE_PROFILE),
    PROFILE_NOT_FOUND("No profile named '{profile}'.", Remedy.SHOW_PROFILES),
    WRONG_PASSWORD("Wrong password for profile '{profile}'.", Remedy.RETRY_PASSWORD_OR_RECOVER),
    WRONG_RECOVERY_CODE("That recovery code does not unlock profile '{profile}'.", Remedy.CHECK_RECOVERY_CODE),
    PROFILE_HEADER_DAMAGED("The profile header {path} is damaged: {detail}.", Remedy.RESTORE_FROM_BACKUP),
    VAULT_FILE_MISSING("The vault file of profile '{profile}' is missing ({path}).", Remedy.RESTORE_FROM_BACKUP),
    PROFILE_DAMAGED("Profile '{profile}' is damaged: {detail}.", Remedy.RESTORE_FROM_BACKUP),
    VAULT_PAGE_DAMAGED("The vault {path} is damaged or was tampered with (an encrypted page failed its check).",
            Remedy.RESTORE_FROM_BACKUP),
    WAL_DAMAGED("The vault's write-ahead log {path} is damaged or was tampered with ({detail}). Keyward did not open"
            + " the vault, so nothing was dropped or overwritten.", Remedy.RESTORE_FROM_BACKUP),
    VALUE_DAMAGED("An encrypted value in the vault failed its integrity check ({detail}).", Remedy.RESTORE_FROM_BACKUP),
    /** A backup file is damaged; another backup may be whole, so no remedy is implied. */
    BACKUP_DAMAGED("The backup {path} is damaged: {detail}. Nothing was restored.", Remedy.NONE),
    SCHEMA_NOT_UPDATED("The vault's schema could not be brought up to date; it may be damaged.",
            Remedy.VERIFY_OR_RESTORE),
    SECRET_NOT_FOUND("No secret named '{secret}' in this profile.", Remedy.SHOW_SECRETS),
    SECRET_EXISTS("A secret named '{secret}' already exists.", Remedy.ROTATE_SECRET),
    PROJECT_NOT_FOUND("No project named '{project}'.", Remedy.SHOW_PROJECTS),
    PROVIDER_NOT_FOUND("No provider '{provider}' in this profile.", Remedy.SHOW_PROVIDERS),
    /** The session was closed (lock and stop): its keys were wiped and its database closed. */
    PROFILE_LOCKED("The profile is locked; its keys were wiped and its vault closed.", Remedy.UNLOCK_FIRST),
    /** An automation table was needed, but the profile's automation schema was never enabled. */
    AUTOMATION_NOT_ENABLED("Automation is not enabled for this profile, so it has no automation data yet.",
            Remedy.ENABLE_AUTOMATION);

    private final String template;
    private final Remedy remedy;

    VaultErrorKind(String template, Remedy remedy) {
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
