package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every page of one admin endpoint: follows the cursor the provider hands back until it says
 * there is no more, stops at a page budget or a repeated cursor, and turns a refusal into a sentence
 * rather than an exception. Both providers' admin lists share the envelope {@code data} + {@code has_more}
 * and differ only in the cursor: {@code next_page} (usage and cost reports) or {@code last_id}
 * (key and project lists, sent back as {@code after} / {@code after_id}).
 */
final class AdminPages {

    /** How the next page is asked for: the response field that holds the cursor and the query parameter it goes into. */
    record Cursor(String responseField, String queryParameter) {
        static final Cursor NEXT_PAGE = new Cursor("next_page", "page");
        static final Cursor AFTER = new Cursor("last_id", "after");
        static final Cursor AFTER_ID = new Cursor("last_id", "after_id");
    }

    /** Every item read; {@code complete} is false when a page failed or the budget ran out. */
    record Outcome(List<JsonNode> items, boolean complete, Optional<String> problem, boolean keyRejected) {
    }

    static final int MAX_PAGES = 40;

    private final ProviderHttp http;
    private final CollectorRequest request;
    private final Map<String, String> headers;
    private final String api;

    AdminPages(ProviderHttp http, CollectorRequest request, Map<String, String> headers, String api) {
        this.http = http;
        this.request = request;
        this.headers = headers;
        this.api = api;
    }

    /**
     * Reads {@code path} with {@code query} (already encoded, without the cursor) page by page.
     *
     * @param what the data in words for a refusal sentence, e.g. "the usage report"
     */
    Outcome readAll(String path, String query, Cursor cursor, String what) {
        List<JsonNode> items = new ArrayList<>();
        String next = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String fullQuery = next == null ? query
                    : query + (query.isEmpty() ? "" : "&") + cursor.queryParameter() + "=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            URI uri = request.endpoint(path + (fullQuery.isEmpty() ? "" : "?" + fullQuery));
            ProviderAnswer answer = http.get(uri, headers, request.timeout());
            if (!(answer instanceof ProviderAnswer.Answered answered) || !answered.isSuccess()) {
                boolean rejected = answer instanceof ProviderAnswer.Answered a && a.statusCode() == 401;
                return new Outcome(items, false, Optional.of(refusal(path, answer, what)), rejected);
            }
            Optional<JsonNode> body = JsonBodies.object(answered.body());
            JsonNode data = body.map(b -> b.get("data")).orElse(null);
            if (data == null || !data.isArray()) {
                return new Outcome(items, false, Optional.of(AnswerRules.malformed(api, path)), false);
            }
            data.forEach(items::add);
            JsonNode more = body.get().get("has_more");
            JsonNode cursorNode = body.get().get(cursor.responseField());
            if (more == null || !more.asBoolean(false)) {
                return new Outcome(items, true, Optional.empty(), false);
            }
            if (cursorNode == null || !cursorNode.isTextual() || cursorNode.asText().isEmpty()
                    || cursorNode.asText().equals(next)) {
                return new Outcome(items, false, Optional.of(api + " said " + path
                        + " has more pages but gave no new cursor; Keyward read what it had."), false);
            }
            next = cursorNode.asText();
        }
        return new Outcome(items, false, Optional.of(api + " listed more than " + MAX_PAGES + " pages on " + path
                + "; Keyward read the first " + MAX_PAGES + "."), false);
    }

    /** A sentence for a page that was not 2xx; a 403 says which permission is missing instead of calling the key bad. */
    String refusal(String path, ProviderAnswer answer, String what) {
        if (answer instanceof ProviderAnswer.Answered a) {
            String type = errorType(a.body()).map(t -> " (provider error type " + t + ")").orElse("");
            if (a.statusCode() == 403) {
                return api + " refused " + path + " (HTTP 403" + type + "): the admin key lacks the permission to read "
                        + what + ", so that part is empty. Give the key that permission at the provider to see it.";
            }
            if (a.statusCode() == 401) {
                return api + " rejected the admin key on " + path + " (HTTP 401" + type
                        + "). Check that the admin key is correct and has not been revoked.";
            }
            if (a.statusCode() == 404) {
                return api + " has no " + path + " (HTTP 404); " + what + " was not read.";
            }
            if (a.statusCode() == 429) {
                String wait = a.header("retry-after").filter(v -> v.matches("[0-9]{1,6}"))
                        .map(v -> "; it asks to wait " + v + " s").orElse("");
                return api + " is limiting requests on " + path + " (HTTP 429" + wait + "). " + capitalised(what)
                        + " will be read at a later refresh.";
            }
        }
        return AnswerRules.sentence(api, path, answer, request);
    }

    /** The provider's error type token ({@code permission_error}, {@code insufficient_permissions}), never its message. */
    static Optional<String> errorType(String body) {
        return JsonBodies.object(body).flatMap(root -> {
            JsonNode error = root.get("error");
            if (error == null || !error.isObject()) {
                return Optional.empty();
            }
            Optional<String> type = JsonBodies.text(error, "type", "[a-z_]{1,40}");
            return type.isPresent() ? type : JsonBodies.text(error, "code", "[a-z_]{1,40}");
        });
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
