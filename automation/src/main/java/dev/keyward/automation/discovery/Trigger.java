package dev.keyward.automation.discovery;

import java.util.Locale;

/** Why a discovery run started; names match seed 002's {@code discovery_search_log.trigger_type}. */
public enum Trigger {
    SCHEDULED,
    ON_DEMAND,
    LAUNCH_CATCHUP;

    /** The stored enum string, e.g. {@code launch_catchup}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
