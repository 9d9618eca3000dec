package dev.keyward.automation.jobs;

import java.util.Locale;

/** Why a job run started; the names match discovery_search_log.trigger_type of seed 002. */
public enum JobTrigger {
    /** Its time came. */
    SCHEDULED,
    /** A user asked (tray "Refresh now", the window, the CLI). */
    ON_DEMAND,
    /** At unlock, because a run was missed while the vault was closed (or the job always runs at unlock). */
    LAUNCH_CATCHUP;

    /** The lower-case name recorded in scheduled_jobs' audit rows. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for runs nobody is watching, which must not do what needs a human's consent. */
    public boolean unattended() {
        return this != ON_DEMAND;
    }
}
