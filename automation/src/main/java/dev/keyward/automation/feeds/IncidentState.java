package dev.keyward.automation.feeds;

import java.util.List;
import java.util.Objects;

/**
 * The structured state a status page reports for an incident or maintenance, read from its fields, not prose:
 * whether it is still going on, how bad it is, and the components it names as affected (plain names, each with
 * its status in brackets when the page gives one that is not operational; placeholders and groups left out).
 */
public record IncidentState(Phase phase, Impact impact, List<String> components) {

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
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** A state that names no component. */
    public IncidentState(Phase phase, Impact impact) {
        this(phase, impact, List.of());
    }

    /** True while the event has not been resolved or completed; such an item is never too old to report. */
    public boolean unresolved() {
        return phase != Phase.RESOLVED;
    }
}
