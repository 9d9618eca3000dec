package dev.keyward.automation.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A state-changing request the page tried to send, held until a human or an earlier approval lets it go. Holds
 * no secret: a field that looks secret keeps only its name.
 *
 * @param kind   how the page sent it
 * @param method the HTTP method ({@code WS} for a WebSocket message)
 * @param host   lower-case host, without port
 * @param path   the path, without query
 * @param fields the body's fields, in order (empty when the body has none or is not a form or JSON object)
 * @param size   the body's length in bytes
 * @param carried for a GET, the addresses its query carries ({@code /go?next=/account/delete}), each read as a GET
 *                of its own: a server that redirects there makes the browser request it where no route sees it
 */
public record HeldRequest(Kind kind, String method, String host, String path, List<Field> fields, int size,
                          List<HeldRequest> carried) {

    /** How the page sent a request. */
    public enum Kind {
        FORM("form submission"),
        FETCH("fetch or XHR request"),
        BEACON("navigator.sendBeacon"),
        WEBSOCKET("WebSocket message"),
        /** A GET that opens a page: a link, a GET form, a script's navigation, a meta refresh, a new window. */
        PAGE("page request (a link, a GET form or a script's navigation)"),
        /** A GET of data or a subresource that reads like an action. */
        READ("GET request"),
        /** A 307 or 308 redirect's new request: the browser would re-send the body to another address. */
        REDIRECT("redirected request that re-sends its body"),
        OTHER("request");

        private final String shown;

        Kind(String shown) {
            this.shown = shown;
        }

        public String shown() {
            return shown;
        }
    }

    /**
     * One body field.
     *
     * @param shown the value to show, clipped; a placeholder for a secret
     */
    public record Field(String name, String shown, boolean secret) {}

    public HeldRequest {
        fields = List.copyOf(fields);
        carried = List.copyOf(carried);
    }

    /** A request that carries no other address. */
    public HeldRequest(Kind kind, String method, String host, String path, List<Field> fields, int size) {
        this(kind, method, host, path, fields, size, List.of());
    }

    /** The field names, sorted and joined: what an approval remembers besides method, host and path. */
    public String fieldNames() {
        return fields.stream().map(Field::name).distinct().sorted().collect(Collectors.joining(","));
    }

    /** One line for a human: method, host and path. */
    public String target() {
        return method + " " + host + path;
    }

    /** Field names and non-secret values, for the dialog. */
    public String fieldsShown() {
        return fields.stream().map(f -> f.name() + "=" + f.shown()).collect(Collectors.joining(", "));
    }

    /** Every address this request's query leads to, nested ones too, in order: part of what an approval covers. */
    public List<String> leadsTo() {
        List<String> out = new ArrayList<>();
        for (HeldRequest c : carried) {
            out.add(c.target());
            out.addAll(c.leadsTo());
        }
        return out;
    }

    /** Whether two requests are the same action in the sense of a remembered approval. */
    public boolean sameActionAs(String otherMethod, String otherHost, String otherPath, String otherFieldNames) {
        return method.equals(otherMethod) && host.equals(otherHost) && path.equals(otherPath)
                && fieldNames().equals(otherFieldNames);
    }
}
