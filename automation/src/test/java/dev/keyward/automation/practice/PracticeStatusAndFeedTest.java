package dev.keyward.automation.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PracticeStatusAndFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private PracticeCloud cloud;

    @BeforeEach
    void start() throws Exception {
        cloud = PracticeCloud.start(0);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void summaryHasTheStatuspageV2ShapeAndSaysAllOperational() throws Exception {
        JsonNode summary = getJson("/status/api/v2/summary.json");
        assertEquals("Practice Cloud", summary.at("/page/name").asText());
        assertTrue(summary.at("/page/updated_at").isTextual());
        assertEquals("none", summary.at("/status/indicator").asText());
        assertEquals("All Systems Operational", summary.at("/status/description").asText());
        assertEquals(List.of("API", "Dashboard", "Billing"), texts(summary.get("components"), "name"));
        assertEquals("operational", summary.at("/components/0/status").asText());
        assertEquals(0, summary.get("incidents").size(), "the past incident is resolved");
        assertEquals("scheduled", summary.at("/scheduled_maintenances/0/status").asText());
        assertTrue(summary.at("/scheduled_maintenances/0/scheduled_for").isTextual());
    }

    @Test
    void openedIncidentShowsUpWithItsUpdatesAndRaisesTheIndicator() throws Exception {
        StatusBoard.Incident incident = cloud.state().statusBoard()
                .openIncident("Elevated latency", "major", "We are looking into slow API responses.", "API");
        JsonNode summary = getJson("/status/api/v2/summary.json");
        assertEquals("major", summary.at("/status/indicator").asText());
        assertEquals("Partial System Outage", summary.at("/status/description").asText());
        JsonNode open = summary.at("/incidents/0");
        assertEquals(incident.id(), open.get("id").asText());
        assertEquals("investigating", open.get("status").asText());
        assertEquals("major", open.get("impact").asText());
        assertEquals("We are looking into slow API responses.", open.at("/incident_updates/0/body").asText());
        assertEquals("API", open.at("/components/0/name").asText());

        cloud.state().statusBoard().updateIncident(incident.id(), "resolved", "Latency is back to normal.");
        JsonNode incidents = getJson("/status/api/v2/incidents.json");
        assertEquals(List.of("resolved", "resolved"), texts(incidents.get("incidents"), "status"));
        assertEquals(2, incidents.at("/incidents/0/incident_updates").size());
        assertEquals("none", getJson("/status/api/v2/summary.json").at("/status/indicator").asText());
    }

    @Test
    void scheduledMaintenancesListsEveryWindow() throws Exception {
        JsonNode body = getJson("/status/api/v2/scheduled-maintenances.json");
        assertEquals("practice0001", body.at("/page/id").asText());
        assertEquals("Database maintenance", body.at("/scheduled_maintenances/0/name").asText());
        assertTrue(body.at("/scheduled_maintenances/0/scheduled_until").isTextual());
    }

    @Test
    void changelogIsWellFormedAtomWithDeprecationPricingAndSecurityEntries() throws Exception {
        HttpResponse<byte[]> response = getFeed(null);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/atom+xml"));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        assertEquals("http://www.w3.org/2005/Atom", xml.getDocumentElement().getNamespaceURI());
        assertEquals("feed", xml.getDocumentElement().getLocalName());

        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
        Set<String> categories = new HashSet<>();
        for (SyndEntry entry : feed.getEntries()) {
            entry.getCategories().stream().map(SyndCategory::getName).forEach(categories::add);
        }
        assertTrue(categories.containsAll(Set.of("deprecation", "pricing", "security")), categories.toString());
        SyndEntry deprecation = feed.getEntries().stream()
                .filter(e -> e.getCategories().getFirst().getName().equals("deprecation")).findFirst().orElseThrow();
        assertTrue(deprecation.getDescription().getValue().contains("Shutdown date: "));
    }

    @Test
    void unchangedFeedAnswers304ToItsETagAndAChangedOneDoesNot() throws Exception {
        String etag = getFeed(null).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = getFeed(etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);

        cloud.state().changelog().publish("Security advisory: new login alerts", "security", "Turn on login alerts.");
        HttpResponse<byte[]> changed = getFeed(etag);
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
        assertTrue(new String(changed.body(), StandardCharsets.UTF_8).contains("new login alerts"));
    }

    @Test
    void feedEscapesMarkupInEntries() throws Exception {
        cloud.state().changelog().publish("Fix <b>&</b> \"quotes\"", "feature", "a < b && c > d");
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(getFeed(null).body())));
        assertEquals("a < b && c > d", feed.getEntries().stream()
                .filter(e -> e.getTitle().startsWith("Fix")).findFirst().orElseThrow().getDescription().getValue());
    }

    @Test
    void humanStatusAndChangelogPagesEscapeWhatTheyShow() throws Exception {
        String name = "<script>alert('status')</script>";
        cloud.state().statusBoard().openIncident(name, "minor", "Looking <b>into</b> it.");
        cloud.state().changelog().publish(name, "feature", "x");
        for (String path : List.of("/status", "/changelog")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path);
            org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.body());
            assertTrue(html.select("script").isEmpty(), path);
            assertTrue(html.text().contains(name), path);
        }
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return JSON.readTree(response.body());
    }

    private HttpResponse<byte[]> getFeed(String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/changelog.atom"));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
