package dev.keyward.automation.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The state behind Practice Cloud's Statuspage-v2-shaped status API: components, incidents and scheduled maintenances.
 */
public final class StatusBoard {

    /** Statuspage component states. */
    public static final Set<String> COMPONENT_STATUSES =
            Set.of("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance");
    /** Statuspage incident states; the last two count as over. */
    public static final Set<String> INCIDENT_STATUSES =
            Set.of("investigating", "identified", "monitoring", "resolved", "postmortem");
    /** Statuspage maintenance states. */
    public static final Set<String> MAINTENANCE_STATUSES = Set.of("scheduled", "in_progress", "verifying", "completed");
    /** Statuspage impact levels, mildest first. */
    public static final List<String> IMPACTS = List.of("none", "minor", "major", "critical");

    /** One component, e.g. "API". */
    public record Component(String id, String name, String status, String description, int position) {
    }

    /** One posted update of an incident or maintenance. */
    public record Update(String id, String status, String body, Instant createdAt) {
    }

    /** One incident; {@code resolvedAt} is null while it is open. */
    public record Incident(String id, String name, String status, String impact, Instant createdAt,
                           Instant updatedAt, Instant resolvedAt, List<Update> updates, List<String> componentIds) {

        /** Whether the incident still affects the service. */
        public boolean unresolved() {
            return !status.equals("resolved") && !status.equals("postmortem");
        }
    }

    /** One scheduled maintenance window. */
    public record Maintenance(String id, String name, String status, String impact, Instant createdAt,
                              Instant scheduledFor, Instant scheduledUntil, List<Update> updates,
                              List<String> componentIds) {
    }

    private final Clock clock;
    private final List<Component> components = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<Maintenance> maintenances = new ArrayList<>();
    private final Instant createdAt;
    private Instant updatedAt;
    private int nextId = 1;

    StatusBoard(Clock clock) {
        this.clock = clock;
        Instant now = now();
        createdAt = now;
        updatedAt = now;
        components.add(new Component("cmpapi00001", "API", "operational", "Model and usage endpoints", 1));
        components.add(new Component("cmpdash0002", "Dashboard", "operational", "The web console", 2));
        components.add(new Component("cmpbill0003", "Billing", "operational", "Checkout and invoices", 3));
        Instant past = now.minus(Duration.ofDays(5));
        String incidentId = newId("inc");
        incidents.add(new Incident(incidentId, "Elevated API error rates", "resolved", "minor", past,
                past.plus(Duration.ofHours(2)), past.plus(Duration.ofHours(2)),
                List.of(new Update(newId("upd"), "resolved", "Error rates are back to normal.", past.plus(Duration.ofHours(2))),
                        new Update(newId("upd"), "investigating", "We are investigating elevated 5xx rates on the API.", past)),
                List.of("cmpapi00001")));
        Instant window = now.plus(Duration.ofDays(7));
        maintenances.add(new Maintenance(newId("mnt"), "Database maintenance", "scheduled", "maintenance", now,
                window, window.plus(Duration.ofHours(2)),
                List.of(new Update(newId("upd"), "scheduled", "The dashboard may be read-only for up to two hours.", now)),
                List.of("cmpdash0002")));
    }

    /** The page's name as the status API reports it. */
    public String pageName() {
        return "Practice Cloud";
    }

    /** The page's id as the status API reports it. */
    public String pageId() {
        return "practice0001";
    }

    /** When anything on the board last changed. */
    public synchronized Instant updatedAt() {
        return updatedAt;
    }

    /** All components, in display order. */
    public synchronized List<Component> components() {
        return List.copyOf(components);
    }

    /** All incidents, newest first. */
    public synchronized List<Incident> incidents() {
        return List.copyOf(incidents);
    }

    /** All maintenance windows, newest first. */
    public synchronized List<Maintenance> maintenances() {
        return List.copyOf(maintenances);
    }

    /** Sets a component's status, found by name (e.g. "API") or id. */
    public synchronized void setComponentStatus(String nameOrId, String status) {
        requireOneOf(COMPONENT_STATUSES, status, "component status");
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            if (c.name().equals(nameOrId) || c.id().equals(nameOrId)) {
                components.set(i, new Component(c.id(), c.name(), status, c.description(), c.position()));
                updatedAt = now();
                return;
            }
        }
        throw new IllegalArgumentException("There is no status component named " + nameOrId + ".");
    }

    /** Opens an incident in state "investigating" with a first update. */
    public synchronized Incident openIncident(String name, String impact, String firstUpdate, String... componentNames) {
        requireOneOf(Set.copyOf(IMPACTS), impact, "impact");
        Instant now = now();
        List<String> ids = new ArrayList<>();
        for (String componentName : componentNames) {
            ids.add(components.stream().filter(c -> c.name().equals(componentName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("There is no status component named " + componentName + "."))
                    .id());
        }
        Incident incident = new Incident(newId("inc"), name, "investigating", impact, now, now, null,
                List.of(new Update(newId("upd"), "investigating", firstUpdate, now)), List.copyOf(ids));
        incidents.addFirst(incident);
        updatedAt = now;
        return incident;
    }

    /** Posts an update that moves an incident to {@code status}; "resolved" closes it. */
    public synchronized Incident updateIncident(String incidentId, String status, String body) {
        requireOneOf(INCIDENT_STATUSES, status, "incident status");
        Instant now = now();
        for (int i = 0; i < incidents.size(); i++) {
            Incident old = incidents.get(i);
            if (old.id().equals(incidentId)) {
                List<Update> updates = new ArrayList<>(old.updates());
                updates.addFirst(new Update(newId("upd"), status, body, now));
                Instant resolvedAt = status.equals("resolved") ? now : old.resolvedAt();
                Incident updated = new Incident(old.id(), old.name(), status, old.impact(), old.createdAt(), now,
                        resolvedAt, List.copyOf(updates), old.componentIds());
                incidents.set(i, updated);
                updatedAt = now;
                return updated;
            }
        }
        throw new IllegalArgumentException("There is no incident with id " + incidentId + ".");
    }

    /** Schedules a maintenance window. */
    public synchronized Maintenance scheduleMaintenance(String name, Instant from, Instant until, String body) {
        Instant now = now();
        Maintenance maintenance = new Maintenance(newId("mnt"), name, "scheduled", "maintenance", now, from, until,
                List.of(new Update(newId("upd"), "scheduled", body, now)), List.of());
        maintenances.addFirst(maintenance);
        updatedAt = now;
        return maintenance;
    }

    /** The overall indicator: none, minor, major, critical or maintenance. */
    public synchronized String indicator() {
        int rank = 0;
        for (Incident incident : incidents) {
            if (incident.unresolved()) {
                rank = Math.max(rank, IMPACTS.indexOf(incident.impact()));
            }
        }
        boolean underMaintenance = maintenances.stream().anyMatch(m -> m.status().equals("in_progress"));
        for (Component c : components) {
            rank = Math.max(rank, switch (c.status()) {
                case "degraded_performance" -> 1;
                case "partial_outage" -> 2;
                case "major_outage" -> 3;
                default -> 0;
            });
            underMaintenance |= c.status().equals("under_maintenance");
        }
        return rank == 0 && underMaintenance ? "maintenance" : IMPACTS.get(rank);
    }

    /** The sentence Statuspage shows next to {@link #indicator()}. */
    public String indicatorDescription() {
        return switch (indicator()) {
            case "minor" -> "Minor Service Outage";
            case "major" -> "Partial System Outage";
            case "critical" -> "Major Service Outage";
            case "maintenance" -> "Service Under Maintenance";
            default -> "All Systems Operational";
        };
    }

    /** When the board was set up; components report it as their creation time. */
    public Instant createdAt() {
        return createdAt;
    }

    // Whole seconds, as Statuspage reports them.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private String newId(String prefix) {
        return String.format("%s%09d", prefix, nextId++);
    }

    private static void requireOneOf(Set<String> allowed, String value, String what) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("Unknown " + what + " '" + value + "'; use one of " + allowed + ".");
        }
    }
}
