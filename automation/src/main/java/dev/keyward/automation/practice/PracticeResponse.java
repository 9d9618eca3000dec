package dev.keyward.automation.practice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page handler answers: status, content type, body and extra headers.
 */
record PracticeResponse(int status, String contentType, byte[] body, Map<String, List<String>> headers) {

    static PracticeResponse html(int status, String html) {
        return new PracticeResponse(status, "text/html; charset=utf-8", utf8(html), Map.of())
                .withHeader("Cache-Control", "no-store");
    }

    static PracticeResponse json(int status, String json) {
        return new PracticeResponse(status, "application/json; charset=utf-8", utf8(json), Map.of());
    }

    static PracticeResponse bytes(int status, String contentType, byte[] body) {
        return new PracticeResponse(status, contentType, body, Map.of());
    }

    /** A 303 See Other, so a browser follows a POST with a GET. */
    static PracticeResponse redirect(String location) {
        return new PracticeResponse(303, null, new byte[0], Map.of()).withHeader("Location", location);
    }

    static PracticeResponse notModified() {
        return new PracticeResponse(304, null, new byte[0], Map.of());
    }

    /** This response plus one header; several calls with the same name add several values. */
    PracticeResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.merge(name, List.of(value), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        });
        return new PracticeResponse(status, contentType, body, Map.copyOf(copy));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
