package dev.keyward.automation.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.automation.feeds.IncidentState.Impact;
import dev.keyward.automation.feeds.IncidentState.Phase;
import dev.keyward.automation.feeds.ParseResult.Parsed;
import dev.keyward.automation.feeds.ParseResult.Unreadable;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Atlassian Statuspage v2 JSON API ({@code summary.json}, {@code incidents.json},
 * {@code scheduled-maintenances.json}) into {@link SourceItem}s whose {@link IncidentState} comes from
 * the JSON status and impact fields.
 */
public final class StatuspageParser {

    /** Most incidents or maintenances read from one document. */
    public static final int MAX_ITEMS = 100;

    /** Reads {@code summary.json}: unresolved incidents, upcoming maintenances, and degraded components. */
    public ParseResult parseSummary(String json, URI pageBase) {
        Optional<JsonNode> root = JsonDocuments.readObject(json);
        if (root.isEmpty() || !isSummary(root.get())) {
            return unreadable("summary");
        }
        Counter counter = new Counter();
        URI base = pageUrl(root.get(), pageBase);
        StatusComponents components = StatusComponents.of(root.get().path("components"));
        List<SourceItem> items = new ArrayList<>(incidents(root.get().path("incidents"), base, counter, components));
        items.addAll(maintenances(root.get().path("scheduled_maintenances"), base, counter));
        boolean incidentExplainsIt = items.stream().anyMatch(i -> i.sourceKind() == SourceKind.STATUS_INCIDENT);
        if (!incidentExplainsIt) {
            degradedComponents(root.get(), base, components).ifPresent(items::add);
        }
        return new Parsed(items, counter.skipped);
    }

    /** True when {@code root} has the shape of a Statuspage summary: a status object with an indicator. */
    static boolean isSummary(JsonNode root) {
        return root.path("status").isObject() && root.path("status").path("indicator").isTextual();
    }

    /** Reads {@code incidents.json}: recent incidents, resolved ones included. */
    public ParseResult parseIncidents(String json, URI pageBase) {
        Optional<JsonNode> root = JsonDocuments.readObject(json);
        if (root.isEmpty() || !root.get().path("incidents").isArray()) {
            return unreadable("incidents list");
        }
        Counter counter = new Counter();
        List<SourceItem> items = incidents(root.get().path("incidents"), pageUrl(root.get(), pageBase), counter,
                StatusComponents.none());
        return new Parsed(items, counter.skipped);
    }

    /** Reads {@code scheduled-maintenances.json}. */
    public ParseResult parseMaintenances(String json, URI pageBase) {
        Optional<JsonNode> root = JsonDocuments.readObject(json);
        if (root.isEmpty() || !root.get().path("scheduled_maintenances").isArray()) {
            return unreadable("maintenance list");
        }
        Counter counter = new Counter();
        List<SourceItem> items = maintenances(root.get().path("scheduled_maintenances"), pageUrl(root.get(), pageBase),
                counter);
        return new Parsed(items, counter.skipped);
    }

    private static final class Counter {
        int skipped;
    }

    private static List<SourceItem> incidents(JsonNode array, URI base, Counter counter, StatusComponents components) {
        List<SourceItem> items = new ArrayList<>();
        for (JsonNode incident : array) {
            if (items.size() >= MAX_ITEMS) {
                counter.skipped++;
                continue;
            }
            Phase phase = incidentPhase(JsonDocuments.text(incident, "status"));
            Impact impact = impact(JsonDocuments.text(incident, "impact"));
            boolean unresolved = phase != Phase.RESOLVED;
            IncidentState state = new IncidentState(phase, impact,
                    incident.isObject() ? components.affectedBy(incident, unresolved) : List.of());
            // An open incident is news as of its latest update: one opened weeks ago and updated today is current.
            Instant at = unresolved ? latestActivity(incident) : firstTime(incident, "started_at", "created_at");
            Optional<SourceItem> item = toItem(incident, base, "incidents", SourceKind.STATUS_INCIDENT, state,
                    "Status: " + readable(JsonDocuments.text(incident, "status")) + ".", at);
            item.ifPresentOrElse(items::add, () -> counter.skipped++);
        }
        return items;
    }

    /** The latest of the incident's start, its own update time and its updates' display times. */
    static Instant latestActivity(JsonNode incident) {
        Instant latest = firstTime(incident, "started_at", "created_at");
        latest = later(latest, Timestamps.parse(JsonDocuments.text(incident, "updated_at")));
        for (JsonNode update : incident.path("incident_updates")) {
            latest = later(latest, Timestamps.parse(JsonDocuments.text(update, "display_at")));
            latest = later(latest, Timestamps.parse(JsonDocuments.text(update, "created_at")));
        }
        return latest;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b != null && b.isAfter(a) ? b : a;
    }

    private static List<SourceItem> maintenances(JsonNode array, URI base, Counter counter) {
        List<SourceItem> items = new ArrayList<>();
        for (JsonNode maintenance : array) {
            if (items.size() >= MAX_ITEMS) {
                counter.skipped++;
                continue;
            }
            Phase phase = maintenancePhase(JsonDocuments.text(maintenance, "status"));
            String window = "Maintenance window: " + orUnknown(JsonDocuments.text(maintenance, "scheduled_for"))
                    + " to " + orUnknown(JsonDocuments.text(maintenance, "scheduled_until")) + ".";
            IncidentState state = new IncidentState(phase, Impact.MAINTENANCE,
                    maintenance.isObject() ? StatusComponents.none().affectedBy(maintenance, false) : List.of());
            Optional<SourceItem> item = toItem(maintenance, base, "incidents", SourceKind.STATUS_MAINTENANCE, state,
                    window,
                    firstTime(maintenance, "scheduled_for", "created_at"));
            item.ifPresentOrElse(items::add, () -> counter.skipped++);
        }
        return items;
    }

    private static Optional<SourceItem> toItem(JsonNode event, URI base, String pathSegment, SourceKind kind,
                                               IncidentState state, String lead, Instant publishedAt) {
        if (!event.isObject()) {
            return Optional.empty();
        }
        String title = PlainText.title(JsonDocuments.text(event, "name"));
        Optional<URI> url = WebAddresses.parse(JsonDocuments.text(event, "shortlink"), null);
        String id = JsonDocuments.text(event, "id");
        if (url.isEmpty() && id != null && id.matches("[A-Za-z0-9_-]{1,64}") && base != null) {
            url = WebAddresses.parse(stripSlash(base.toString()) + "/" + pathSegment + "/" + id, null);
        }
        if (url.isEmpty() || title.isEmpty()) {
            return Optional.empty();
        }
        String affected = state.components().isEmpty() ? "" : " Affected: " + String.join(", ", state.components()) + ".";
        String text = PlainText.snippet(lead + affected + " " + latestUpdate(event.path("incident_updates")));
        return Optional.of(new SourceItem(url.get().toString(), title, text, publishedAt, kind, state));
    }

    private static Optional<SourceItem> degradedComponents(JsonNode root, URI base, StatusComponents components) {
        Impact impact = impact(JsonDocuments.text(root.path("status"), "indicator"));
        if (impact == Impact.NONE || base == null) {
            return Optional.empty();
        }
        List<String> degraded = components.degraded();
        String pageName = PlainText.title(JsonDocuments.text(root.path("page"), "name"));
        String description = PlainText.title(JsonDocuments.text(root.path("status"), "description"));
        String updatedAt = JsonDocuments.text(root.path("page"), "updated_at");
        // The page address alone would collide with every earlier degradation; the update time tells them apart.
        String tag = updatedAt == null ? "" : "?status_at=" + updatedAt.replaceAll("[^0-9TZ:.+-]", "");
        Optional<URI> url = WebAddresses.parse(stripSlash(base.toString()) + "/" + tag, null);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String title = (pageName.isEmpty() ? "Status page" : pageName) + ": "
                + (description.isEmpty() ? "service degraded" : description);
        String text = degraded.isEmpty() ? "No component details were given."
                : "Components not fully operational: " + String.join(", ", degraded) + ".";
        return Optional.of(new SourceItem(url.get().toString(), PlainText.title(title), PlainText.snippet(text),
                Timestamps.parse(updatedAt), SourceKind.STATUS_INCIDENT,
                new IncidentState(Phase.ONGOING, impact, degraded)));
    }

    private static String latestUpdate(JsonNode updates) {
        // Statuspage lists updates newest first; take the first one that has a body.
        for (JsonNode update : updates) {
            String body = JsonDocuments.text(update, "body");
            if (body != null && !body.isBlank()) {
                return body;
            }
        }
        return "";
    }

    private static Instant firstTime(JsonNode event, String preferred, String fallback) {
        Instant at = Timestamps.parse(JsonDocuments.text(event, preferred));
        return at != null ? at : Timestamps.parse(JsonDocuments.text(event, fallback));
    }

    private static Phase incidentPhase(String status) {
        if (status == null) {
            return Phase.ONGOING;
        }
        return switch (status) {
            case "resolved", "postmortem", "completed" -> Phase.RESOLVED;
            case "scheduled" -> Phase.SCHEDULED;
            default -> Phase.ONGOING;
        };
    }

    private static Phase maintenancePhase(String status) {
        if (status == null) {
            return Phase.SCHEDULED;
        }
        return switch (status) {
            case "in_progress", "verifying" -> Phase.ONGOING;
            case "completed", "resolved" -> Phase.RESOLVED;
            default -> Phase.SCHEDULED;
        };
    }

    private static Impact impact(String value) {
        if (value == null) {
            return Impact.NONE;
        }
        return switch (value) {
            case "minor" -> Impact.MINOR;
            case "major" -> Impact.MAJOR;
            case "critical" -> Impact.CRITICAL;
            case "maintenance" -> Impact.MAINTENANCE;
            default -> Impact.NONE;
        };
    }

    private static URI pageUrl(JsonNode root, URI fallback) {
        return WebAddresses.parse(JsonDocuments.text(root.path("page"), "url"), null).orElse(fallback);
    }

    private static String readable(String enumValue) {
        return enumValue == null ? "unknown" : StatusComponents.readable(enumValue);
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : PlainText.of(value, 40);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Unreadable unreadable(String what) {
        return new Unreadable("The status page " + what + " is not Statuspage-compatible JSON.");
    }
}
