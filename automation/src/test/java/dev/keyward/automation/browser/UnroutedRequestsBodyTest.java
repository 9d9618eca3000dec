package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * The request wall lets a body through only when DevTools gave it every part's bytes: a part it could not read (a
 * File, a stream) would leave unseen by the route's review and the person, so such a pause is failed.
 */
class UnroutedRequestsBodyTest {

    @Test
    void aRequestWithoutABodyIsReadable() {
        assertTrue(UnroutedRequests.bodyReadable(request("{\"method\": \"GET\"}")));
    }

    @Test
    void aBodyWhosePartsAllCarryBytesIsReadable() {
        assertTrue(UnroutedRequests.bodyReadable(request("{\"hasPostData\": true, \"postDataEntries\":"
                + " [{\"bytes\": \"YT0x\"}, {\"bytes\": \"JmI9Mg==\"}]}")));
    }

    @Test
    void aBodyWithAPartWithoutBytesIsNotReadable() {
        assertFalse(UnroutedRequests.bodyReadable(request("{\"hasPostData\": true, \"postDataEntries\":"
                + " [{\"bytes\": \"YT0x\"}, {}]}")));
    }

    @Test
    void aBodyDevToolsReportedWithoutItsPartsIsNotReadable() {
        assertFalse(UnroutedRequests.bodyReadable(request("{\"hasPostData\": true}")));
        assertFalse(UnroutedRequests.bodyReadable(request("{\"hasPostData\": true, \"postDataEntries\": []}")));
    }

    private static JsonObject request(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }
}
