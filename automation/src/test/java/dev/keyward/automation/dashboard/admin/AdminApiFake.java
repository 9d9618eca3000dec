package dev.keyward.automation.dashboard.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An admin API on 127.0.0.1 that answers per path, with the query visible to the answer so pagination
 * can be scripted; it records every request (path, query, auth headers).
 */
public final class AdminApiFake implements AutoCloseable {

    /** A request as the fake saw it. */
    public record Seen(String path, String query, String authorization, String apiKeyHeader, String version, String beta) {
        public boolean queryHas(String part) {
            return query != null && query.contains(part);
        }
    }

    /** An answer: status, body and extra headers. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }

        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        public Reply withHeaders(Map<String, String> more) {
            return new Reply(status, body, more);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Seen, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public AdminApiFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The documented example response stored under test resources. */
    public static String fixture(String name) {
        try (InputStream in = AdminApiFake.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public AdminApiFake route(String path, Function<Seen, Reply> answer) {
        routes.put(path, answer);
        return this;
    }

    public AdminApiFake route(String path, Reply reply) {
        return route(path, request -> reply);
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> seen(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Seen request = new Seen(uri.getPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("x-api-key"),
                    exchange.getRequestHeaders().getFirst("anthropic-version"),
                    exchange.getRequestHeaders().getFirst("anthropic-beta"));
            seen.add(request);
            Function<Seen, Reply> route = routes.get(uri.getPath());
            Reply reply = route == null
                    ? Reply.of(404, "{\"error\":{\"type\":\"not_found_error\",\"message\":\"Not found\"}}")
                    : route.apply(request);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
