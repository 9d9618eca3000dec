package dev.keyward.automation.practice;

import com.sun.net.httpserver.Headers;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed request to Practice Cloud, as the page handlers see it.
 *
 * @param query      decoded query parameters (first value wins)
 * @param form       decoded url-encoded body fields of a POST (first value wins)
 * @param pathParams named groups of the matched route pattern, e.g. the key id
 * @param session    the caller's session, if the cookie names a live one
 */
record PracticeRequest(String method, String path, Map<String, String> query, Map<String, String> form,
                       Headers headers, Map<String, String> pathParams, Optional<Sessions.Session> session) {

    /** A form field, or the empty string when absent. */
    String field(String name) {
        return form.getOrDefault(name, "");
    }

    /** A query parameter, or the empty string when absent. */
    String queryParam(String name) {
        return query.getOrDefault(name, "");
    }

    /** A request header, or the empty string when absent. */
    String header(String name) {
        String value = headers.getFirst(name);
        return value == null ? "" : value;
    }

    /** A named part of the path, e.g. {@code id} in {@code /keys/(?<id>...)/revoke}. */
    String pathParam(String name) {
        return pathParams.getOrDefault(name, "");
    }
}
