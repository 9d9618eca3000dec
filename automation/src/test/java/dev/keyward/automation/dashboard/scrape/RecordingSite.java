package dev.keyward.automation.dashboard.scrape;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback web site for scrape tests that answers fixed pages by path and records every request it gets
 * (method, path and body), so a test can prove a credential never arrived.
 */
final class RecordingSite implements AutoCloseable {

    /** A page or a redirect. */
    record Answer(int status, String location, String html) {
        static Answer page(String html) {
            return new Answer(200, null, html);
        }

        static Answer redirect(String location) {
            return new Answer(302, location, "");
        }
    }

    /** One request as the site saw it. */
    record Seen(String method, String path, String body) {
    }

    /** A sign-in form with Practice Cloud's seeded selectors (#username, #password, #sign-in). */
    static final String LOGIN_FORM = """
            <!doctype html><html><head><title>Sign in</title></head><body>
            <form method="post" action="%s" id="login-form">
            <label for="username">Email</label><input id="username" name="username" type="text">
            <label for="password">Password</label><input id="password" name="password" type="password">
            %s
            <button type="submit" id="sign-in">Sign in</button>
            </form></body></html>""";

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    RecordingSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(exchange.getRequestMethod(), path, body));
            // Any POST (a submitted sign-in) answers the form again, as a console that refused it would.
            Answer answer = answers.getOrDefault(path, new Answer(404, null, "<p>not here</p>"));
            byte[] bytes = answer.html().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            if (answer.location() != null) {
                exchange.getResponseHeaders().set("Location", answer.location());
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
