package dev.keyward.automation.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * A loopback OpenAI-compatible chat endpoint: answers call n (0-based) with {@code answers.apply(n)}
 * and keeps every request body and Authorization header it received.
 */
public final class FakeLlm implements AutoCloseable {

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpServer server;
    private volatile IntFunction<String> answers = n -> "{}";
    private boolean closed;
    /** Every request body, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    /** Every Authorization header ("" when absent), in order. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    public FakeLlm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = requests.size();
            requests.add(body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            var reply = JSON.createObjectNode();
            reply.putArray("choices").addObject().putObject("message").put("role", "assistant")
                    .put("content", answers.apply(n));
            byte[] bytes = reply.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeLlm answering(IntFunction<String> answers) {
        this.answers = answers;
        return this;
    }

    /** The text of every message of request n, joined. */
    public String messagesOf(int n) throws IOException {
        StringBuilder text = new StringBuilder();
        for (JsonNode m : JSON.readTree(requests.get(n)).path("messages")) {
            text.append(m.path("role").asText()).append(": ").append(m.path("content").asText()).append('\n');
        }
        return text.toString();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
