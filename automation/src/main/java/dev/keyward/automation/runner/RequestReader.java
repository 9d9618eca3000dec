package dev.keyward.automation.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Request;
import dev.keyward.automation.browser.StaticFiles;
import dev.keyward.automation.program.CredentialLiteralDetector;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the page tried to send into a {@link HeldRequest}: method, host, path and the body's field names,
 * with values only where they cannot be secret (not a secret-sounding name, not a vault value or key format,
 * not card-shaped).
 */
final class RequestReader {

    /** Methods that only read: they pass the gate without a question. */
    static final List<String> READ_ONLY = List.of("GET", "HEAD", "OPTIONS");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)pass|pwd|secret|token|api[-_]?key|otp|totp|mfa|code|cvc|cvv|csc|card|iban|pin|auth|session|cookie");
    private static final Pattern MULTIPART_NAME = Pattern.compile("(?i)content-disposition:[^\\r\\n]*\\bname=\"([^\"]*)\"");
    private static final Pattern CARD_SHAPED = Pattern.compile("(?:\\d[ -]?){12,18}\\d");
    private static final Pattern FORM_ENCODED = Pattern.compile("[^\\s=&]+=[^\\s&]*(?:&[^\\s=&]+=[^\\s&]*)*");
    /**
     * A query value that is an address a browser would follow as a redirect: a path ({@code /x}, {@code \\x}), a
     * relative path ({@code ./x}, {@code ../x}, {@code account/delete}: no white space), or an address with a
     * scheme ({@code https://host/x}, and {@code https:/host/x}, which browsers read the same).
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "[/\\\\]|\\.{1,2}[/\\\\]|[a-zA-Z][a-zA-Z0-9+.-]*:[/\\\\]|[^\\s/\\\\?#]+[/\\\\]\\S*$");
    /** How deep addresses inside addresses are read; deeper, the rest is judged by its words as one path. */
    private static final int MAX_DEPTH = 8;
    private static final int MAX_SHOWN = 60;
    private static final int MAX_FIELDS = 40;

    private final UnaryOperator<String> redactor;

    RequestReader(UnaryOperator<String> redactor) {
        this.redactor = redactor;
    }

    static boolean isWrite(Request request) {
        return !READ_ONLY.contains(request.method().toUpperCase(Locale.ROOT));
    }

    HeldRequest read(Request request) {
        URI uri = uri(request.url());
        HeldRequest.Kind kind = switch (request.resourceType()) {
            case "document" -> HeldRequest.Kind.FORM;
            case "fetch", "xhr" -> HeldRequest.Kind.FETCH;
            case "ping" -> HeldRequest.Kind.BEACON;
            default -> HeldRequest.Kind.OTHER;
        };
        byte[] body = postData(request);
        String contentType = header(request.headers(), "content-type");
        return new HeldRequest(kind, request.method().toUpperCase(Locale.ROOT), host(uri), path(uri),
                fields(contentType, body), body.length);
    }

    /** Subresources that are files (a script, a style sheet, an icon): a GET of one reads, whatever its name. */
    private static final List<String> FILE_TYPES = List.of("stylesheet", "image", "media", "font", "script",
            "texttrack", "manifest");

    /**
     * A GET (or HEAD or OPTIONS) as the gate judges it: method, host, path and the query's fields. Null for a static
     * file a page loads ({@code /icons/delete.svg}) whose query names no action; any other subresource
     * ({@code <img src="/account/delete">}, {@code /account/delete.json}, a CSS {@code url()} with a query) is an
     * endpoint and is read.
     */
    HeldRequest readGet(Request request) {
        return readGet(request.url(), request.method(), request.resourceType());
    }

    /**
     * {@link #readGet(Request)} of a request's address, method and Playwright resource type. A page (a document,
     * top-level or a frame's) is judged by its own address only: the route fetches it without following redirects
     * and judges the address a redirect names, with the addresses that one carries, before the browser may go there
     * ({@code NavigationGuard}), so {@code /login?next=/billing/subscribe} opens the sign-in page without a question
     * and is held only if the server sends the browser on to the purchase. Media, fetch and XHR are not fetched hop
     * by hop, and are judged by where they can lead.
     */
    HeldRequest readGet(String url, String method, String type) {
        URI uri = uri(url);
        if ("document".equals(type)) {
            HeldRequest page = get(uri, method, HeldRequest.Kind.PAGE);
            return new HeldRequest(page.kind(), page.method(), page.host(), page.path(), page.fields(), 0);
        }
        HeldRequest read = get(uri, method, HeldRequest.Kind.READ);
        if (FILE_TYPES.contains(type) && StaticFiles.isStaticPath(uri.getRawPath())) {
            // The file's name says nothing (an icon may be called delete.svg), but its query's action fields and the
            // addresses it carries still do.
            HeldRequest queryOnly = new HeldRequest(read.kind(), read.method(), read.host(), "/", read.fields(), 0,
                    read.carried());
            return RequestClassifier.readActs(queryOnly).isPresent() ? read : null;
        }
        return read;
    }

    /**
     * The request a redirect makes the browser send next: with {@code method} GET the page it opens, otherwise the
     * original body re-sent to {@code target} (a 307 or 308).
     */
    HeldRequest readRedirect(Request request, String target, String method) {
        URI uri = uri(target);
        if (READ_ONLY.contains(method.toUpperCase(Locale.ROOT))) {
            // An image's redirect opens no page: it is shown as the read it is. The browser requests this hop itself,
            // where no route sees it (Playwright routes no redirect hop), and follows the hop's own redirect unseen:
            // so the addresses it carries are judged here, for a page too.
            return get(uri, method, "document".equals(request.resourceType()) ? HeldRequest.Kind.PAGE
                    : HeldRequest.Kind.READ);
        }
        byte[] body = postData(request);
        return new HeldRequest(HeldRequest.Kind.REDIRECT, method.toUpperCase(Locale.ROOT), host(uri), path(uri),
                fields(header(request.headers(), "content-type"), body), body.length);
    }

    private HeldRequest get(URI uri, String method, HeldRequest.Kind kind) {
        return get(uri, method, kind, 0);
    }

    private HeldRequest get(URI uri, String method, HeldRequest.Kind kind, int depth) {
        String query = uri.getRawQuery();
        boolean hasQuery = query != null && !query.isEmpty();
        return new HeldRequest(kind, method.toUpperCase(Locale.ROOT), host(uri), path(uri),
                hasQuery ? formFields(query) : List.of(), 0, hasQuery ? carried(uri, query, depth) : List.of());
    }

    /**
     * The addresses a query carries, each read as a GET: a value that is a path ({@code next=/account/delete},
     * {@code ./x}, {@code ../x}) or an absolute address ({@code return_to=https://host/keys/revoke}), resolved
     * against the request's own address. An open redirect sends the browser there on the server's word, a hop no
     * route sees when the browser follows it (media, fetch and XHR are not fetched hop by hop), so the request is
     * judged by where it can lead. Values are read whole and decoded, whatever their field's name.
     */
    private List<HeldRequest> carried(URI uri, String query, int depth) {
        List<HeldRequest> out = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1)).strip();
            if (out.size() >= MAX_FIELDS || !ADDRESS.matcher(value).lookingAt()) {
                continue;
            }
            String address = asAddress(value);
            if (depth >= MAX_DEPTH) {
                // Deeper than any real redirect chain: the rest is judged by its words, never left out.
                out.add(new HeldRequest(HeldRequest.Kind.READ, "GET", host(uri), address, List.of(), 0));
                continue;
            }
            try {
                // Read like any GET, so an address that carries another (/go?next=/go?next=/account/delete) is read
                // to the end: each level is shorter than the one around it.
                out.add(get(uri.resolve(URI.create(address)), "GET", HeldRequest.Kind.READ, depth + 1));
            } catch (IllegalArgumentException e) {
                // Still no address as written (a bad host, say): judged by its words as a path on this host, so a
                // value the parser refuses is never left unjudged.
                out.add(new HeldRequest(HeldRequest.Kind.READ, "GET", host(uri), address, List.of(), 0));
            }
        }
        return out;
    }

    /**
     * The value as a browser would follow it: backslashes read as slashes (as browsers do in special schemes) and
     * every character an address may not hold percent-encoded, so {@code |}, {@code "} or a space cannot make the
     * parser refuse what a browser would follow.
     */
    static String asAddress(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** A message the page sends over a WebSocket: a JSON object's or a form-encoded text's fields. */
    HeldRequest readWebSocket(String url, String text, int size) {
        URI uri = uri(url);
        List<HeldRequest.Field> fields = text == null ? List.of()
                : FORM_ENCODED.matcher(text).matches() ? formFields(text) : jsonFields(text);
        return new HeldRequest(HeldRequest.Kind.WEBSOCKET, "WS", host(uri), path(uri), fields, size);
    }

    private List<HeldRequest.Field> fields(String contentType, byte[] body) {
        if (body.length == 0) {
            return List.of();
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return formFields(text);
        }
        if (type.startsWith("multipart/form-data")) {
            List<HeldRequest.Field> out = new ArrayList<>();
            Matcher m = MULTIPART_NAME.matcher(text);
            while (m.find() && out.size() < MAX_FIELDS) {
                // Part values can be files or secrets; their names are what an approval remembers.
                out.add(new HeldRequest.Field(m.group(1), "(part)", SECRET_NAME.matcher(m.group(1)).find()));
            }
            return out;
        }
        if (type.contains("json") || text.stripLeading().startsWith("{")) {
            return jsonFields(text);
        }
        return List.of();
    }

    private List<HeldRequest.Field> formFields(String text) {
        List<HeldRequest.Field> out = new ArrayList<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty() || out.size() >= MAX_FIELDS) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.add(field(name, value));
        }
        return out;
    }

    private List<HeldRequest.Field> jsonFields(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            return List.of();
        }
        if (root == null || !root.isObject()) {
            return List.of();
        }
        List<HeldRequest.Field> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext() && out.size() < MAX_FIELDS) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(field(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : "(object)"));
        }
        return out;
    }

    private HeldRequest.Field field(String name, String value) {
        boolean secret = SECRET_NAME.matcher(name).find() || !redactor.apply(value).equals(value)
                || CredentialLiteralDetector.suspicion(value).isPresent() || CARD_SHAPED.matcher(value).find();
        String shown = secret ? "[secret, not shown]"
                : value.length() <= MAX_SHOWN ? value : value.substring(0, MAX_SHOWN) + "…";
        return new HeldRequest.Field(name, shown, secret);
    }

    private static byte[] postData(Request request) {
        try {
            byte[] data = request.postDataBuffer();
            return data == null ? new byte[0] : data;
        } catch (RuntimeException e) {
            return new byte[0];
        }
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            return URI.create("about:blank");
        }
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "(no host)" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        // A path can carry a token (a reset link, a signed URL); such a segment is never shown or stored.
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (CredentialLiteralDetector.suspicion(segments[i]).isPresent()) {
                segments[i] = "[token]";
            }
        }
        return String.join("/", segments);
    }
}
