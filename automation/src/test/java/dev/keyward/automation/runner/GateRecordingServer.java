package dev.keyward.automation.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server (127.0.0.1 only) that serves test pages and records every request that reaches it,
 * with the Host header it was sent to, plus a WebSocket endpoint that records every message. Tests assert on
 * this log: it is what proves whether a request left the browser.
 */
final class GateRecordingServer implements AutoCloseable {

    /** One request as the server received it. */
    record Hit(String method, String host, String path, String body) {}

    private final HttpServer http;
    private final ServerSocket sockets;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    final List<Hit> hits = new CopyOnWriteArrayList<>();
    final List<String> socketMessages = new CopyOnWriteArrayList<>();

    GateRecordingServer() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        http.createContext("/", this::handle);
        http.start();
        sockets = new ServerSocket(0, 10, loopback);
        Thread acceptor = new Thread(this::acceptSockets, "recording-websocket");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return http.getAddress().getPort();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    /** The same server under a host name the runs do not allow. */
    String unlistedBase() {
        return "http://localhost:" + port();
    }

    String socketUrl() {
        return "ws://127.0.0.1:" + sockets.getLocalPort() + "/live";
    }

    void page(String path, String html) {
        pages.put(path, html);
    }

    void redirect(String path, String location) {
        redirects.put(path, location);
    }

    /** Requests that reached the server with the given method and path. */
    List<Hit> received(String method, String path) {
        return hits.stream().filter(h -> h.method().equals(method) && h.path().equals(path)).toList();
    }

    /** Requests that reached the server addressed to a host other than 127.0.0.1. */
    List<Hit> toUnlistedHost() {
        return hits.stream().filter(h -> !h.host().startsWith("127.0.0.1")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        hits.add(new Hit(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Host"), path, body));
        String location = redirects.get(path);
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        String html = pages.getOrDefault(path, "<!doctype html><title>done</title><p id=done>done</p>");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void acceptSockets() {
        while (!sockets.isClosed()) {
            try {
                Socket socket = sockets.accept();
                Thread t = new Thread(() -> serveSocket(socket), "recording-websocket-peer");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** RFC 6455 server side: the handshake, then unmasked text frames logged until close. */
    private void serveSocket(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            String head = readHead(in);
            Matcher key = Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)").matcher(head);
            if (!key.find()) {
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                    (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                int b0 = in.read();
                int b1 = in.read();
                if (b0 < 0 || b1 < 0) {
                    return;
                }
                int opcode = b0 & 0x0f;
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
                byte[] payload = in.readNBytes((int) length);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                if (opcode == 0x8) {
                    return;
                }
                if (opcode == 0x1) {
                    socketMessages.add(new String(payload, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            // The browser went away; what arrived is logged.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        return head.toString();
    }

    @Override
    public void close() {
        http.stop(0);
        try {
            sockets.close();
        } catch (IOException e) {
            // Closed either way.
        }
    }
}
