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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server (127.0.0.1 only) that logs every request it receives (method, Host header, path,
 * query, body) before answering: what proves whether a dangerous request left the browser. It serves the pages
 * it is given, answers redirects, and answers anything else with a small page ({@code #received}). With
 * {@link #withWebSocket()} it also accepts WebSocket connections on a second port and logs every text message
 * sent on them. The corpus shares one log between two servers; the runner tests use one server on its own.
 */
final class RecordingServer implements AutoCloseable {

    /**
     * One request as it arrived; {@code method} is {@code WS} for a WebSocket message, {@code WS-OPEN} for a
     * handshake.
     */
    record Received(String server, String method, String host, String path, String query, String body) {
        @Override
        public String toString() {
            return server + " " + method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private final String label;
    private final HttpServer http;
    private final List<Received> log;
    private final Map<String, String> pages;
    private final Map<String, String> redirects;
    private volatile String contentSecurityPolicy;
    private final Map<String, Map<String, List<String>>> extraHeaders = new ConcurrentHashMap<>();
    private final Map<String, java.nio.charset.Charset> encodings = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private ServerSocket webSocket;
    private ExecutorService webSocketThreads;

    RecordingServer(String label, List<Received> sharedLog, Map<String, String> pages,
            Map<String, String> redirects) throws IOException {
        this.label = label;
        this.log = sharedLog;
        this.pages = pages;
        this.redirects = redirects;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        http.createContext("/", this::handle);
        // A thread per exchange: an event stream stays open while other requests are answered.
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "corpus-http");
            thread.setDaemon(true);
            return thread;
        }));
        http.start();
    }

    /** A server of its own, with its own log, pages and redirects. */
    RecordingServer() throws IOException {
        this("main", new ArrayList<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
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

    /** Serves {@code html} at {@code path} from now on. */
    void page(String path, String html) {
        pages.put(path, html);
    }

    /** Serves every page with this Content-Security-Policy header from now on. */
    RecordingServer withContentSecurityPolicy(String policy) {
        this.contentSecurityPolicy = policy;
        return this;
    }

    /**
     * Sends {@code name: value} with the answer to {@code path} from now on, in place of the server's own header of
     * that name; a second value for the same name is sent as a second header line.
     */
    void header(String path, String name, String value) {
        extraHeaders.computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(value);
    }

    /** Sends the page at {@code path} in {@code charset} rather than UTF-8 (the Content-Type is the case's to set). */
    void encoding(String path, java.nio.charset.Charset charset) {
        encodings.put(path, charset);
    }

    /** Answers {@code path} with a 302 to {@code location} from now on ({@code "307 /next"}: a 307). */
    void redirect(String path, String location) {
        redirects.put(path, location);
    }

    /** Requests that reached the server with the given method and path. */
    List<Received> received(String method, String path) {
        return received().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** Requests that reached the server addressed to a host other than 127.0.0.1. */
    List<Received> toUnlistedHost() {
        return received().stream().filter(r -> r.host() != null && !r.host().startsWith("127.0.0.1")).toList();
    }

    int webSocketPort() {
        return webSocket.getLocalPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        record(new Received(label, exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Host"), path,
                exchange.getRequestURI().getRawQuery(), new String(body, StandardCharsets.UTF_8)));
        String location = redirects.get(path);
        if (location != null) {
            // "307 /next" or "308 /next" redirects with that status (the body is re-sent); a bare address is a 302.
            int status = location.matches("30[78] .*") ? Integer.parseInt(location.substring(0, 3)) : 302;
            exchange.getResponseHeaders().add("Location", status == 302 ? location : location.substring(4));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        String page = pages.get(path);
        if (page != null && path.endsWith(".sse")) {
            stream(exchange, page);
            return;
        }
        String html = page != null && exchange.getRequestMethod().equals("GET") ? page
                : "<!doctype html><title>received</title><p id=\"received\">received</p>";
        byte[] bytes = html.getBytes(page == null ? StandardCharsets.UTF_8
                : encodings.getOrDefault(path, StandardCharsets.UTF_8));
        String type = page == null ? "text/html" : path.endsWith(".js") ? "text/javascript"
                : path.endsWith(".json") ? "application/json" : path.endsWith(".webm") ? "video/webm" : "text/html";
        exchange.getResponseHeaders().add("Content-Type", type + (type.startsWith("video/") ? "" : "; charset=utf-8"));
        if (contentSecurityPolicy != null && type.equals("text/html")) {
            exchange.getResponseHeaders().add("Content-Security-Policy", contentSecurityPolicy);
        }
        extraHeaders.getOrDefault(path, Map.of()).forEach((name, values) -> exchange.getResponseHeaders().put(name,
                new ArrayList<>(values)));
        int status = 200;
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (page != null && range != null && range.matches("bytes=\\d+-\\d*")) {
            // A media element asks for ranges: the part asked for, as a 206, like a file server.
            int start = Integer.parseInt(range.substring(6, range.indexOf('-')));
            String last = range.substring(range.indexOf('-') + 1);
            int end = Math.min(bytes.length - 1, last.isEmpty() ? bytes.length - 1 : Integer.parseInt(last));
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + end + "/" + bytes.length);
            bytes = java.util.Arrays.copyOfRange(bytes, Math.min(start, bytes.length), end + 1);
            status = 206;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * An event stream ({@code text/event-stream}): the page's events (blocks separated by a blank line) one every
     * 100 ms, then the connection stays open until the server closes, as a live feed's does.
     */
    private void stream(HttpExchange exchange, String events) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String event : events.strip().split("\n\s*\n")) {
                out.write((event.strip() + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(100);
            }
            while (!closed) {
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            // The browser went away, or the server is closing.
        }
    }

    private void record(Received received) {
        synchronized (log) {
            log.add(received);
        }
    }

    /** Starts a WebSocket listener on loopback whose text messages are logged as {@code WS} requests. */
    RecordingServer withWebSocket() throws IOException {
        webSocket = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        webSocketThreads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "corpus-websocket");
            thread.setDaemon(true);
            return thread;
        });
        webSocketThreads.submit(() -> {
            while (!webSocket.isClosed()) {
                try {
                    Socket socket = webSocket.accept();
                    webSocketThreads.submit(() -> serveWebSocket(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return this;
    }

    /** RFC 6455 handshake, then every (masked, unfragmented) text frame the client sends is logged. */
    private void serveWebSocket(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String request = readHeaders(in);
            String path = request.lines().findFirst().orElse("GET / HTTP/1.1").split(" ")[1];
            String key = request.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            record(new Received(label, "WS-OPEN", null, path, null, ""));
            while (true) {
                int first = in.read();
                int second = in.read();
                if (first < 0 || second < 0 || (first & 0x0f) == 0x8) {
                    return;
                }
                long length = second & 0x7f;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
                byte[] payload = in.readNBytes((int) length);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                if ((first & 0x0f) == 0x1) {
                    record(new Received(label, "WS", null, path, null, new String(payload, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            // The browser closed the connection: nothing more to log.
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            headers.append((char) c);
        }
        return headers.toString();
    }

    /** A snapshot of everything received so far. */
    List<Received> received() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    @Override
    public void close() {
        closed = true;
        http.stop(0);
        if (webSocket != null) {
            try {
                webSocket.close();
            } catch (IOException e) {
                // closing anyway
            }
            webSocketThreads.shutdownNow();
        }
    }
}
