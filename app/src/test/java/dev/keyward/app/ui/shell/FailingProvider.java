package dev.keyward.app.ui.shell;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.provider.ProviderUpdate;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A provider API on loopback that answers every request with HTTP 503 and a long JSON error, so a
 * dashboard refresh fails for every key with a long sentence; nothing leaves the machine.
 */
final class FailingProvider {

    /** How the long error begins; a card that shows the failure contains it. */
    static final String SENTENCE_START = "The billing backend for this organisation";

    private static final String BODY = "{\"error\":{\"message\":\"" + SENTENCE_START + " is temporarily unavailable "
            + "because the regional usage aggregation service did not answer within the configured deadline; "
            + "retry after the maintenance window announced on the status page has ended.\"}}";

    private FailingProvider() {
    }

    static HttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    /** Points every provider's API, status page and feed at {@code server}, with discovery off: only loopback is reached. */
    static void pointEveryProviderAt(VaultSession session, HttpServer server) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        for (ProviderInfo p : session.providers().list()) {
            session.providers().update(p.slug(), new ProviderUpdate(base, null, base + "/status", base + "/feed.atom", false, null));
        }
    }
}
