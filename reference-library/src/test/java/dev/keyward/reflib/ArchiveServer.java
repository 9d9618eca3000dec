package dev.keyward.reflib;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for GitHub's archive host: serves {@code /OWNER/REPO/archive/SHA.ext},
 * honours {@code Range: bytes=N-} when asked to, and can cut a transfer off halfway.
 */
final class ArchiveServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> archives = new ConcurrentHashMap<>();
    /** The Range header of each request, or "" when it had none. */
    final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    /** How many upcoming responses drop the connection after half their body. */
    final AtomicInteger transfersToCutOff = new AtomicInteger();
    /** How many upcoming responses go silent (connection open, no bytes) after half their body. */
    final AtomicInteger transfersToStall = new AtomicInteger();
    volatile boolean rangeSupported = true;

    ArchiveServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void put(String owner, String repo, String sha, ArchiveFormat format, byte[] archive) {
        archives.put("/" + owner + "/" + repo + "/archive/" + sha + format.extension(), archive);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String range = exchange.getRequestHeaders().getFirst("Range");
        rangeHeaders.add(range == null ? "" : range);
        byte[] archive = archives.get(exchange.getRequestURI().getPath());
        if (archive == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int start = 0;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (rangeSupported && m != null && m.matches()) {
            start = Integer.parseInt(m.group(1));
            if (start >= archive.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + archive.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (archive.length - 1) + "/" + archive.length);
            exchange.sendResponseHeaders(206, archive.length - start);
        } else {
            exchange.sendResponseHeaders(200, archive.length);
        }
        OutputStream body = exchange.getResponseBody();
        int length = archive.length - start;
        if (transfersToCutOff.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            body.write(archive, start, length / 2);
            body.flush();
            // A handler that fails before writing the whole body makes the server close the connection.
            throw new IOException("connection dropped on purpose halfway");
        }
        if (transfersToStall.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            body.write(archive, start, length / 2);
            body.flush();
            try {
                Thread.sleep(60_000); // interrupted by close()
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stalled transfer abandoned");
        }
        body.write(archive, start, length);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
