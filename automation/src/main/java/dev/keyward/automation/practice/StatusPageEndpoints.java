package dev.keyward.automation.practice;

import static dev.keyward.automation.practice.Html.e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The public status API in the shape of Atlassian Statuspage v2: summary, incidents and scheduled maintenances.
 */
final class StatusPageEndpoints {

    private final PracticeState state;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    StatusPageEndpoints(PracticeState state, String baseUrl) {
        this.state = state;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.get("/status", Router.Access.PUBLIC, request -> PracticeResponse.html(200, htmlPage()));
        router.get("/status/api/v2/summary.json", Router.Access.PUBLIC, request -> respond(summary()));
        router.get("/status/api/v2/status.json", Router.Access.PUBLIC, request -> respond(status()));
        router.get("/status/api/v2/incidents.json", Router.Access.PUBLIC, request -> respond(incidents(false)));
        router.get("/status/api/v2/incidents/unresolved.json", Router.Access.PUBLIC, request -> respond(incidents(true)));
        router.get("/status/api/v2/scheduled-maintenances.json", Router.Access.PUBLIC, request -> respond(maintenances()));
    }

    private PracticeResponse respond(ObjectNode body) throws IOException {
        return PracticeResponse.json(200, json.writeValueAsString(body)).withHeader("Cache-Control", "no-cache");
    }

    /** A plain human-readable status page, the one the JSON's page url points to. */
    private String htmlPage() {
        StatusBoard board = state.statusBoard();
        StringBuilder components = new StringBuilder();
        for (StatusBoard.Component c : board.components()) {
            components.append("<li data-testid=\"status-component\">").append(e(c.name())).append(": <span class=\"")
                    .append(e(c.status())).append("\">").append(e(c.status().replace('_', ' '))).append("</span></li>\n");
        }
        StringBuilder incidents = new StringBuilder();
        for (StatusBoard.Incident i : board.incidents()) {
            incidents.append("<article id=\"").append(e(i.id())).append("\" data-testid=\"status-incident\"><h3>")
                    .append(e(i.name())).append("</h3><p>").append(e(i.status())).append(" · impact ")
                    .append(e(i.impact())).append("</p><p>").append(e(i.updates().getFirst().body()))
                    .append("</p></article>\n");
        }
        return Html.page("Status", false, """
                <h1>Practice Cloud status</h1>
                <p id="status-indicator" data-testid="status-indicator" data-indicator="%s">%s</p>
                <h2>Components</h2>
                <ul>
                %s</ul>
                <h2>Incidents</h2>
                %s<p><a href="/status/api/v2/summary.json">JSON summary</a></p>
                """.formatted(e(board.indicator()), e(board.indicatorDescription()), components, incidents));
    }

    private ObjectNode summary() {
        StatusBoard board = state.statusBoard();
        ObjectNode root = withPage();
        ArrayNode components = root.putArray("components");
        board.components().forEach(c -> component(components.addObject(), c));
        ArrayNode incidents = root.putArray("incidents");
        board.incidents().stream().filter(StatusBoard.Incident::unresolved).forEach(i -> incident(incidents.addObject(), i));
        ArrayNode maintenances = root.putArray("scheduled_maintenances");
        board.maintenances().stream().filter(m -> !m.status().equals("completed"))
                .forEach(m -> maintenance(maintenances.addObject(), m));
        statusInto(root.putObject("status"));
        return root;
    }

    private ObjectNode status() {
        ObjectNode root = withPage();
        statusInto(root.putObject("status"));
        return root;
    }

    private ObjectNode incidents(boolean unresolvedOnly) {
        ObjectNode root = withPage();
        ArrayNode incidents = root.putArray("incidents");
        state.statusBoard().incidents().stream().filter(i -> !unresolvedOnly || i.unresolved())
                .forEach(i -> incident(incidents.addObject(), i));
        return root;
    }

    private ObjectNode maintenances() {
        ObjectNode root = withPage();
        ArrayNode maintenances = root.putArray("scheduled_maintenances");
        state.statusBoard().maintenances().forEach(m -> maintenance(maintenances.addObject(), m));
        return root;
    }

    private ObjectNode withPage() {
        StatusBoard board = state.statusBoard();
        ObjectNode root = json.createObjectNode();
        root.putObject("page").put("id", board.pageId()).put("name", board.pageName())
                .put("url", baseUrl + "/status").put("time_zone", "Etc/UTC")
                .put("updated_at", board.updatedAt().toString());
        return root;
    }

    private void statusInto(ObjectNode status) {
        StatusBoard board = state.statusBoard();
        status.put("indicator", board.indicator()).put("description", board.indicatorDescription());
    }

    private void component(ObjectNode node, StatusBoard.Component c) {
        StatusBoard board = state.statusBoard();
        node.put("id", c.id()).put("name", c.name()).put("status", c.status())
                .put("created_at", board.createdAt().toString()).put("updated_at", board.updatedAt().toString())
                .put("position", c.position()).put("description", c.description()).put("showcase", true)
                .putNull("start_date");
        node.putNull("group_id");
        node.put("page_id", board.pageId()).put("group", false).put("only_show_if_degraded", false);
    }

    private void incident(ObjectNode node, StatusBoard.Incident i) {
        node.put("id", i.id()).put("name", i.name()).put("status", i.status())
                .put("created_at", i.createdAt().toString()).put("updated_at", i.updatedAt().toString());
        putInstant(node, "monitoring_at", null);
        putInstant(node, "resolved_at", i.resolvedAt());
        node.put("impact", i.impact()).put("shortlink", baseUrl + "/status#" + i.id())
                .put("started_at", i.createdAt().toString()).put("page_id", state.statusBoard().pageId());
        updates(node.putArray("incident_updates"), i.id(), i.updates());
        componentsById(node.putArray("components"), i.componentIds());
    }

    private void maintenance(ObjectNode node, StatusBoard.Maintenance m) {
        node.put("id", m.id()).put("name", m.name()).put("status", m.status())
                .put("created_at", m.createdAt().toString()).put("updated_at", m.createdAt().toString());
        putInstant(node, "monitoring_at", null);
        putInstant(node, "resolved_at", m.status().equals("completed") ? m.scheduledUntil() : null);
        node.put("impact", m.impact()).put("shortlink", baseUrl + "/status#" + m.id())
                .put("started_at", m.scheduledFor().toString()).put("page_id", state.statusBoard().pageId())
                .put("scheduled_for", m.scheduledFor().toString()).put("scheduled_until", m.scheduledUntil().toString());
        updates(node.putArray("incident_updates"), m.id(), m.updates());
        componentsById(node.putArray("components"), m.componentIds());
    }

    private static void updates(ArrayNode array, String incidentId, List<StatusBoard.Update> updates) {
        for (StatusBoard.Update u : updates) {
            array.addObject().put("id", u.id()).put("status", u.status()).put("body", u.body())
                    .put("incident_id", incidentId).put("created_at", u.createdAt().toString())
                    .put("updated_at", u.createdAt().toString()).put("display_at", u.createdAt().toString());
        }
    }

    private void componentsById(ArrayNode array, List<String> ids) {
        state.statusBoard().components().stream().filter(c -> ids.contains(c.id()))
                .forEach(c -> component(array.addObject(), c));
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }
}
