package dev.keyward.automation.feeds;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The real components of a Statuspage-style page: the leaf entries of its {@code components} list, keyed by id,
 * without group rows and without placeholder rows. Placeholders are entries a page uses as a signpost rather than
 * a service (GitHub attaches "Visit www.githubstatus.com for more information" to its incidents); naming them in a
 * finding would report the wrong thing.
 */
final class StatusComponents {

    /** Most component names one finding carries; a page in a broad outage names a dozen. */
    static final int MAX_NAMED = 8;

    // A service is named by words; a web address, a "visit ..." or "for more information" line is a signpost.
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)(https?://|\\bwww\\.|^\\s*visit\\b|\\bfor more information\\b|\\b[a-z0-9-]+\\.(com|io|net|org|dev)\\b)");
    private static final String OPERATIONAL = "operational";

    private record Component(String name, String status) {
    }

    private final Map<String, Component> byId;

    private StatusComponents(Map<String, Component> byId) {
        this.byId = byId;
    }

    static StatusComponents none() {
        return new StatusComponents(Map.of());
    }

    /** Reads a page's {@code components} array. */
    static StatusComponents of(JsonNode components) {
        Map<String, Component> byId = new LinkedHashMap<>();
        for (JsonNode component : components) {
            String id = JsonDocuments.text(component, "id");
            String name = PlainText.title(JsonDocuments.text(component, "name"));
            if (id == null || name.isEmpty() || isGroup(component) || isPlaceholder(name)) {
                continue;
            }
            byId.put(id, new Component(name, JsonDocuments.text(component, "status")));
        }
        return new StatusComponents(byId);
    }

    /** True for a signpost entry such as "Visit www.githubstatus.com for more information". */
    static boolean isPlaceholder(String name) {
        return name == null || name.isBlank() || PLACEHOLDER.matcher(name).find();
    }

    /** Every component that is not operational, as "Name (status)", in page order. */
    List<String> degraded() {
        List<String> out = new ArrayList<>();
        for (Component c : byId.values()) {
            if (c.status() != null && !c.status().equals(OPERATIONAL) && out.size() < MAX_NAMED) {
                out.add(c.name() + " (" + readable(c.status()) + ")");
            }
        }
        return out;
    }

    /**
     * The components an incident names as affected: its own {@code components} and those its newest update lists,
     * placeholders and groups left out, each with its status when that is not operational. The page's current
     * status wins over the copy inside the incident. When an unresolved incident names no real component (only a
     * placeholder, as GitHub's do), the page's degraded components are what is actually down.
     */
    List<String> affectedBy(JsonNode incident, boolean unresolved) {
        Map<String, String> named = new LinkedHashMap<>();
        for (JsonNode component : incident.path("components")) {
            if (isGroup(component)) {
                continue;
            }
            addNamed(named, JsonDocuments.text(component, "id"), JsonDocuments.text(component, "name"),
                    JsonDocuments.text(component, "status"));
        }
        JsonNode newest = newestUpdate(incident.path("incident_updates"));
        if (newest != null) {
            for (JsonNode affected : newest.path("affected_components")) {
                addNamed(named, JsonDocuments.text(affected, "code"), JsonDocuments.text(affected, "name"),
                        JsonDocuments.text(affected, "new_status"));
            }
        }
        if (named.isEmpty() && unresolved) {
            return degraded();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, String> entry : named.entrySet()) {
            if (out.size() >= MAX_NAMED || !seen.add(entry.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String status = entry.getValue();
            boolean showStatus = unresolved && status != null && !status.equals(OPERATIONAL);
            out.add(showStatus ? entry.getKey() + " (" + readable(status) + ")" : entry.getKey());
        }
        return out;
    }

    private void addNamed(Map<String, String> named, String id, String rawName, String ownStatus) {
        Component onPage = id == null ? null : byId.get(id);
        String name = onPage != null ? onPage.name() : PlainText.title(rawName);
        if (name.isEmpty() || isPlaceholder(name)) {
            return;
        }
        String status = onPage != null && onPage.status() != null ? onPage.status() : ownStatus;
        named.merge(name, status == null ? OPERATIONAL : status, (a, b) -> a.equals(OPERATIONAL) ? b : a);
    }

    // Statuspage lists updates newest first; the order is not relied on, the latest display time wins.
    private static JsonNode newestUpdate(JsonNode updates) {
        JsonNode newest = null;
        Instant newestAt = null;
        for (JsonNode update : updates) {
            Instant at = Timestamps.parse(JsonDocuments.text(update, "display_at"));
            at = at != null ? at : Timestamps.parse(JsonDocuments.text(update, "created_at"));
            if (newest == null || (at != null && (newestAt == null || at.isAfter(newestAt)))) {
                newest = update;
                newestAt = at;
            }
        }
        return newest;
    }

    private static boolean isGroup(JsonNode component) {
        return component.path("group").asBoolean(false);
    }

    static String readable(String status) {
        return PlainText.of(status.replace('_', ' ').toLowerCase(Locale.ROOT), 40);
    }
}
