package dev.keyward.app.cli;

import dev.keyward.automation.dashboard.ProviderIncident;
import dev.keyward.automation.dashboard.service.DashboardService;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** The one stderr line {@code keyward run} prints when a provider of an injected key has an incident. */
final class IncidentNotice {

    private IncidentNotice() {
    }

    /**
     * Prints at most one line; never blocks the run. Without the automation schema there is no status data,
     * and a failure to read it is not the command's business, so both print nothing.
     */
    static void print(DashboardService dashboard, String project, PrintStream err) {
        List<ProviderIncident> incidents;
        try {
            incidents = dashboard.incidents(project);
        } catch (RuntimeException e) {
            return;
        }
        if (incidents.isEmpty()) {
            return;
        }
        err.println("keyward: " + incidents.stream().map(i -> i.providerSlug() + " (" + i.serviceStatus() + ")")
                .collect(Collectors.joining(", ")) + (incidents.size() == 1 ? " has" : " have")
                + " an incident in the latest status data; running anyway (--quiet hides this).");
    }
}
