package dev.keyward.automation.discovery;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real HTTP server on 127.0.0.1 standing in for provider status pages, feeds and search endpoints. */
public final class LoopbackServer implements AutoCloseable {

    /** A request as the server saw it. */
    public record Seen(String method, String path, String query, Headers headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closing = new CountDownLatch(1);

    private LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's base address, {@code http://127.0.0.1:<port>}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    public void route(String path, HttpHandler handler) {
        routes.put(path, handler);
    }

    public void serve(String path, String contentType, String body) {
        route(path, exchange -> respond(exchange, 200, contentType, body));
    }

    /** Serves a fixture from the test resources, with {@code {{BASE}}} replaced by this server's address. */
    public void serveFixture(String path, String contentType, String fixture) {
        serve(path, contentType, Fixtures.read(fixture).replace("{{BASE}}", base()));
    }

    public List<Seen> requests() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public int hits(String path) {
        return (int) requests().stream().filter(r -> r.path().equals(path)).count();
    }

    public int totalHits() {
        return seen.size();
    }

    /** Blocks a slow handler until the test ends (or the limit passes), so nothing leaks past the test. */
    public void holdUntilClosed(Duration limit) {
        try {
            closing.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        seen.add(new Seen(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), exchange.getRequestHeaders()));
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        HttpHandler handler = routes.get(uri.getPath());
        if (handler == null) {
            respond(exchange, 404, "text/plain", "not found");
            return;
        }
        try {
            handler.handle(exchange);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
