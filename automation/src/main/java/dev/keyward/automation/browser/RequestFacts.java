package dev.keyward.automation.browser;

import java.util.List;

/**
 * A request the page is about to send, as the network gate sees it: method, host, path and the names of the
 * fields in its body (never their values).
 *
 * @param method         the HTTP method, or {@code BEACON} / {@code WEBSOCKET} for those channels
 * @param host           the destination host
 * @param path           the destination path (query excluded)
 * @param bodyFieldNames names of form or JSON fields in the body
 */
public record RequestFacts(String method, String host, String path, List<String> bodyFieldNames) {

    public RequestFacts {
        bodyFieldNames = bodyFieldNames == null ? List.of() : List.copyOf(bodyFieldNames);
    }

    /** Whether the request changes state on the server: anything but GET, HEAD and OPTIONS. */
    public boolean writes() {
        return method == null || !(method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD")
                || method.equalsIgnoreCase("OPTIONS"));
    }
}
