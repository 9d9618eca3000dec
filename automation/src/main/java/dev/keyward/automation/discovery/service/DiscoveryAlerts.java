package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.StoredFinding;
import java.util.List;

/**
 * Hears about new findings that need the user soon (urgency action_needed or critical), once per run;
 * the tray implements it to show a notification. Called on the discovery thread, after the findings are stored.
 */
@FunctionalInterface
public interface DiscoveryAlerts {

    /** Listens to nothing. */
    DiscoveryAlerts NONE = findings -> { };

    /** {@code findings} is never empty: the new action_needed and critical findings of one run, most urgent first. */
    void urgentFindings(List<StoredFinding> findings);
}
