package dev.keyward.automation.dashboard.collect;

import dev.keyward.automation.dashboard.admin.OrganizationReport;
import java.time.Instant;

/** Reads an organisation's key inventory, usage and cost with an admin key. */
public interface AdminCollector {

    /**
     * Reads the organisation {@code request}'s admin key belongs to, covering the days since {@code since}.
     * Never throws for a provider's answer: what could not be read becomes a note.
     */
    OrganizationReport collect(CollectorRequest request, Instant since);
}
