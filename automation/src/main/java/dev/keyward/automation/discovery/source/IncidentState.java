package dev.keyward.automation.discovery.source;

import java.util.Objects;

/** The structured state a status page reports for an incident or maintenance, read from JSON fields, not prose. */
public record IncidentState(Phase phase, Impact impact) {

    /** Whether the event is still going on. */
    public enum Phase {
        ONGOING,
        SCHEDULED,
        RESOLVED
    }

    /** How badly the provider says the event affects its service. */
    public enum Impact {
        NONE,
        MINOR,
        MAJOR,
        CRITICAL,
        MAINTENANCE
    }

    public IncidentState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(impact, "impact");
    }
}
