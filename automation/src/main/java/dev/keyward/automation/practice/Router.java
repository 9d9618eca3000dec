package dev.keyward.automation.practice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches every request of Practice Cloud to the page handler of its route and enforces sign-in.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;

    /** Who may reach a route. */
    enum Access {
        /** Anyone, e.g. the login page, the API (which checks its own bearer key), status and feed. */
        PUBLIC,
        /** A browser session that passed the password step but still owes the TOTP code. */
        PASSWORD_PASSED,
        /** A fully signed-in browser session; anyone else is sent to /login. */
        SIGNED_IN
    }

    /** A page handler. */
    @FunctionalInterface
    interface Page {
        PracticeResponse handle(PracticeRequest request) throws IOException;
    }

    private record Route(String method, Pattern pattern, Access access, Page page) {
    }

    private final PracticeState state;
    private final Sessions sessions;
    private final List<Route> routes = new ArrayList<>();

    Router(PracticeState state, Sessions sessions) {
        this.state = state;
        this.sessions = sessions;
    }

    /** Adds a GET route; {@code pathPattern} is a regex over the whole path, with named groups for path parameters. */
    void get(String pathPattern, Access access, Page page) {
        routes.add(new Route("GET", Pattern.compile(pathPattern), access, page));
    }

    /** Adds a POST route. */
    void post(String pathPattern, Access access, Page page) {
        routes.add(new Route("POST", Pattern.compile(pathPattern), access, page));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            PracticeResponse response;
            try {
                response = dispatch(exchange);
            } catch (BodyTooLargeException e) {
                response = PracticeResponse.html(413, Html.notice("Request too large", false,
                        "The form was larger than this practice server accepts."));
            } catch (RuntimeException | IOException e) {
                // The message may echo submitted text; log only the type and the path.
                LOG.warn("Practice Cloud failed on {} {}: {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e.getClass().getSimpleName());
                response = PracticeResponse.html(500, Html.notice("Something went wrong", false,
                        "The practice server failed on this request. Try again; if it keeps failing, restart it."));
            }
            write(exchange, response);
        }
    }

    private PracticeResponse dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Optional<Sessions.Session> session = sessions.find(cookie(exchange, Sessions.COOKIE));
        boolean signedIn = session.map(Sessions.Session::signedIn).orElse(false);

        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.pattern().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            if (route.access() == Access.SIGNED_IN && !signedIn) {
                return PracticeResponse.redirect("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
            }
            if (route.access() == Access.PASSWORD_PASSED && (session.isEmpty() || signedIn)) {
                return PracticeResponse.redirect(signedIn ? "/dashboard" : "/login");
            }
            if (route.access() == Access.SIGNED_IN && method.equals("GET")) {
                state.recordPageView(path);
            }
            Map<String, String> form = method.equals("POST") ? parseForm(readBody(exchange)) : Map.of();
            PracticeRequest request = new PracticeRequest(method, path, parseForm(exchange.getRequestURI().getRawQuery()),
                    form, exchange.getRequestHeaders(), groups(route.pattern(), matcher), session);
            return route.page().handle(request);
        }
        if (pathKnown) {
            return PracticeResponse.html(405, Html.notice("Method not allowed", signedIn,
                    "This page does not accept " + method + " requests."))
                    .withHeader("Allow", allowedMethods(path));
        }
        return PracticeResponse.html(404, Html.notice("Page not found", signedIn,
                "There is no page at " + path + " on Practice Cloud."));
    }

    private String allowedMethods(String path) {
        return String.join(", ", routes.stream()
                .filter(r -> r.pattern().matcher(path).matches()).map(Route::method).distinct().toList());
    }

    private static Map<String, String> groups(Pattern pattern, Matcher matcher) {
        Map<String, String> values = new LinkedHashMap<>();
        pattern.namedGroups().forEach((name, index) -> values.put(name, matcher.group(index)));
        return values;
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new BodyTooLargeException();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Parses {@code a=1&b=2} (query strings and url-encoded forms); the first value of a repeated name wins. */
    static Map<String, String> parseForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // A stray '%' is ignored rather than failing the whole form.
            }
        }
        return values;
    }

    private static String cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String trimmed = part.strip();
                if (trimmed.startsWith(name + "=")) {
                    return trimmed.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    private static void write(HttpExchange exchange, PracticeResponse response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        boolean noBody = response.status() == 304 || response.status() == 204 || response.body().length == 0
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** The request body exceeded {@link #MAX_BODY_BYTES}. */
    private static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super("The request body is larger than the practice server accepts.", null, false, false);
        }
    }
}
