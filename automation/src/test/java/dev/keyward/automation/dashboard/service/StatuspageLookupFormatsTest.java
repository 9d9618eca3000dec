package dev.keyward.automation.dashboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.discovery.LoopbackServer;
import dev.keyward.automation.discovery.RealDocuments;
import dev.keyward.automation.net.FetchSettings;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's status lookup reads pages through discovery's reader: Statuspage JSON, incident feeds, or unknown. */
class StatuspageLookupFormatsTest {

    private LoopbackServer server;

    @BeforeEach
    void setUp() {
        server = LoopbackServer.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private ServiceStatus statusOf(String path) {
        try (StatuspageLookup lookup = new StatuspageLookup(Map.of("p", server.uri(path + "/api/v2/summary.json")),
                FetchSettings.defaults())) {
            return lookup.statusOf("p");
        }
    }

    @Test
    void githubsRealSummaryReadsAsOperational() {
        server.serve("/gh/api/v2/summary.json", "application/json", RealDocuments.read("github-summary-2019-12-30.json"));

        assertEquals(ServiceStatus.OPERATIONAL, statusOf("/gh"));
    }

    @Test
    void aPageWithOnlyAnIncidentFeedReadsFromTheFeed() {
        // DatoCMS's real feed with the newest item's resolution removed: an incident still open.
        String feed = RealDocuments.read("datocms-history-head.rss").replaceFirst(java.util.regex.Pattern.quote(
                "&lt;p&gt;&lt;strong&gt;Resolved&lt;/strong&gt; — &lt;p&gt;The issue has been resolved.&lt;/p&gt;\n"
                        + "&lt;/p&gt;"), "");
        server.serve("/dato/history.rss", "application/rss+xml", feed);
        server.serve("/dato", "text/html", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\""
                + " href=\"/dato/history.rss\"></head><body></body></html>");

        assertEquals(ServiceStatus.DEGRADED, statusOf("/dato"));
        server.serve("/dato/history.rss", "application/rss+xml", RealDocuments.read("datocms-history-head.rss"));
        assertEquals(ServiceStatus.OPERATIONAL, statusOf("/dato"), "every incident in the real feed is resolved");
    }

    @Test
    void aPageInAFormatNotUnderstoodIsUnknownNeverOperational() {
        server.serve("/spa", "text/html", "<html><head><title>Status</title></head><body><div id=app></div></body></html>");

        assertEquals(ServiceStatus.UNKNOWN, statusOf("/spa"));
    }
}
