package dev.keyward.automation.discovery.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An OpenAI-compatible chat endpoint on 127.0.0.1 that records every request body and Authorization header. */
final class FakeLlmServer implements AutoCloseable {

    /** One request as received. */
    record Received(String body, String authorization) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Function<String, String> answer = prompt -> "{}";

    FakeLlmServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The assistant's content for a request body. */
    FakeLlmServer answering(Function<String, String> content) {
        this.answer = content;
        return this;
    }

    FakeLlmServer failingWith(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] reply;
        if (status == 200) {
            var root = JSON.createObjectNode();
            root.putArray("choices").addObject().putObject("message").put("role", "assistant")
                    .put("content", answer.apply(body));
            reply = JSON.writeValueAsBytes(root);
        } else {
            reply = "{\"error\": \"unavailable\"}".getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
