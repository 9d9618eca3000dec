package dev.keyward.automation.practice;

import static dev.keyward.automation.practice.ConsoleClient.form;
import static dev.keyward.automation.practice.ConsoleClient.html;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PracticeKeyPagesTest {

    private PracticeCloud cloud;
    private ConsoleClient browser;

    @BeforeEach
    void start() throws Exception {
        cloud = PracticeCloud.start(0);
        browser = new ConsoleClient(cloud);
        browser.signIn();
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void createdKeyIsShownOnceAndThenOnlyByItsLastFour() throws Exception {
        HttpResponse<String> created = browser.post("/keys", form("name", "ci-bot"));
        String value = html(created).selectFirst("#new-key-value").text();
        assertTrue(value.startsWith("pc_live_") && value.length() > 30, "a full key value is shown");
        assertEquals(1, cloud.state().keys().created().size());
        assertEquals(value, cloud.state().keys().created().getFirst().value());

        HttpResponse<String> list = browser.get("/keys");
        assertFalse(list.body().contains(value), "the list never shows the full value again");
        Document page = html(list);
        assertEquals("ci-bot", page.selectFirst("tr[data-key-id=key_2] .key-name").text());
        assertEquals("…" + value.substring(value.length() - 4), page.selectFirst("tr[data-key-id=key_2] .key-last4").text());
        assertEquals(0, page.select("#new-key-value").size());

        assertEquals(200, apiStatus(value), "the new key works against the API");
    }

    @Test
    void revokeButtonOnlyAsksAndConfirmRevokes() throws Exception {
        String value = html(browser.post("/keys", form("name", "old-key"))).selectFirst("#new-key-value").text();
        Document list = html(browser.get("/keys"));
        assertEquals("Revoke", list.selectFirst("#revoke-key_2").text());

        Document confirm = html(browser.get("/keys/key_2/revoke"));
        assertEquals("Are you sure?", confirm.selectFirst("h1").text());
        assertEquals("Revoke key old-key", confirm.selectFirst("#revoke-prompt").text());
        assertEquals("Confirm revoke", confirm.selectFirst("#confirm-revoke").text());
        assertTrue(cloud.state().keys().revoked().isEmpty(), "showing the question revokes nothing");
        assertEquals(200, apiStatus(value));

        HttpResponse<String> after = browser.post("/keys/key_2/revoke", form());
        assertEquals("/keys", after.uri().getPath());
        assertEquals("Key old-key was revoked.", html(after).selectFirst("#keys-notice").text());
        assertEquals(1, cloud.state().keys().revoked().size());
        assertEquals("key_2", cloud.state().keys().revoked().getFirst().id());
        assertEquals(401, apiStatus(value), "a revoked key no longer authenticates");
        assertEquals(0, html(browser.get("/keys")).select("#revoke-key_2").size());
    }

    @Test
    void revokingAnUnknownOrRevokedKeyIsANotFound() throws Exception {
        assertEquals(404, browser.post("/keys/key_99/revoke", form()).statusCode());
        browser.post("/keys/key_1/revoke", form());
        assertEquals(404, browser.post("/keys/key_1/revoke", form()).statusCode());
        assertEquals(1, cloud.state().keys().revoked().size());
    }

    @Test
    void keyNamesAreEscapedInEveryPage() throws Exception {
        String name = "<img src=x onerror=alert(1)>";
        browser.post("/keys", form("name", name));
        for (String path : new String[] {"/keys", "/keys/key_2/revoke"}) {
            HttpResponse<String> page = browser.get(path);
            assertFalse(page.body().contains(name), path);
            assertEquals(0, html(page).select("img").size(), path);
        }
        assertEquals(name, html(browser.get("/keys")).selectFirst("tr[data-key-id=key_2] .key-name").text());
    }

    private int apiStatus(String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/v1/models"))
                .header("Authorization", "Bearer " + key).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
