package dev.keyward.automation.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.LoopbackServer;
import dev.keyward.automation.net.FetchResult.Failed;
import dev.keyward.automation.net.FetchResult.Fetched;
import dev.keyward.automation.net.FetchResult.NotModified;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafeHttpFetcherTest {

    private LoopbackServer server;
    private InMemoryConditionalCache cache;
    private SafeHttpFetcher fetcher;

    @BeforeEach
    void startServer() {
        server = LoopbackServer.start();
        cache = new InMemoryConditionalCache();
        fetcher = new SafeHttpFetcher(FetchSettings.defaults(), cache);
    }

    @AfterEach
    void stopServer() {
        fetcher.close();
        server.close();
    }

    @Test
    void fetchedDocumentCarriesBodyContentTypeAndValidators() {
        server.route("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Thu, 30 Apr 2026 16:00:00 GMT");
            LoopbackServer.respond(exchange, 200, "application/rss+xml; charset=utf-8", "<rss>caf\u00e9</rss>");
        });

        Fetched fetched = assertInstanceOf(Fetched.class, fetcher.fetch(server.uri("/feed.xml")));

        assertEquals("<rss>caf\u00e9</rss>", fetched.body());
        assertEquals("application/rss+xml; charset=utf-8", fetched.contentType());
        assertEquals("\"v1\"", fetched.etag());
        assertEquals("Thu, 30 Apr 2026 16:00:00 GMT", fetched.lastModified());
    }

    @Test
    void requestsIdentifyThemselvesWithTheUserAgent() {
        server.serve("/ua", "text/plain", "ok");

        fetcher.fetch(server.uri("/ua"));

        assertEquals(FetchSettings.DEFAULT_USER_AGENT, server.requests().get(0).headers().getFirst("User-Agent"));
    }

    @Test
    void secondFetchSendsEtagAndA304IsNotModified() {
        server.route("/incidents.json", exchange -> {
            String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
            exchange.getResponseHeaders().set("ETag", "\"abc123\"");
            if ("\"abc123\"".equals(sent)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                LoopbackServer.respond(exchange, 200, "application/json", "{\"incidents\":[]}");
            }
        });

        FetchResult first = fetcher.fetch(server.uri("/incidents.json"));
        FetchResult second = fetcher.fetch(server.uri("/incidents.json"));

        assertInstanceOf(Fetched.class, first);
        assertInstanceOf(NotModified.class, second);
        assertNull(server.requests().get(0).headers().getFirst("If-None-Match"));
        assertEquals("\"abc123\"", server.requests().get(1).headers().getFirst("If-None-Match"));
    }

    @Test
    void lastModifiedIsSentBackAsIfModifiedSince() {
        server.route("/summary.json", exchange -> {
            exchange.getResponseHeaders().set("Last-Modified", "Fri, 01 May 2026 08:41:07 GMT");
            LoopbackServer.respond(exchange, 200, "application/json", "{}");
        });

        fetcher.fetch(server.uri("/summary.json"));
        fetcher.fetch(server.uri("/summary.json"));

        assertEquals("Fri, 01 May 2026 08:41:07 GMT",
                server.requests().get(1).headers().getFirst("If-Modified-Since"));
    }

    @Test
    void bodyLargerThanTheCapIsAFailureNamingTheCap() {
        SafeHttpFetcher small = new SafeHttpFetcher(FetchSettings.defaults().withMaxBodyBytes(1024), cache);
        String big = "x".repeat(5000);
        server.serve("/declared", "text/plain", big);
        server.route("/chunked", exchange -> {
            // No Content-Length: the cap must be enforced while streaming.
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(big.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException clientHungUp) {
                // expected once the client stops reading
            }
        });

        try (small) {
            Failed declared = assertInstanceOf(Failed.class, small.fetch(server.uri("/declared")));
            Failed streamed = assertInstanceOf(Failed.class, small.fetch(server.uri("/chunked")));

            assertTrue(declared.reason().contains("response larger than 1024 bytes"), declared.reason());
            assertTrue(streamed.reason().contains("response larger than 1024 bytes"), streamed.reason());
        }
    }

    @Test
    void bodyExactlyAtTheCapIsAccepted() {
        SafeHttpFetcher small = new SafeHttpFetcher(FetchSettings.defaults().withMaxBodyBytes(1024), cache);
        server.serve("/exact", "text/plain", "y".repeat(1024));

        try (small) {
            Fetched fetched = assertInstanceOf(Fetched.class, small.fetch(server.uri("/exact")));
            assertEquals(1024, fetched.body().length());
        }
    }

    @Test
    void serverThatDoesNotAnswerInTimeIsATimeoutFailure() {
        SafeHttpFetcher impatient = new SafeHttpFetcher(
                FetchSettings.defaults().withTotalTimeout(Duration.ofMillis(300)), cache);
        server.route("/slow", exchange -> server.holdUntilClosed(Duration.ofSeconds(30)));

        try (impatient) {
            Failed failed = assertInstanceOf(Failed.class, impatient.fetch(server.uri("/slow")));
            assertTrue(failed.reason().contains("timed out"), failed.reason());
        }
    }

    @Test
    void bodyThatTricklesPastTheTotalTimeoutIsATimeoutFailure() {
        SafeHttpFetcher impatient = new SafeHttpFetcher(
                FetchSettings.defaults().withTotalTimeout(Duration.ofMillis(300)), cache);
        server.route("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first bytes".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                server.holdUntilClosed(Duration.ofSeconds(30));
            } catch (IOException clientHungUp) {
                // expected once the client gives up
            }
        });

        try (impatient) {
            Failed failed = assertInstanceOf(Failed.class, impatient.fetch(server.uri("/trickle")));
            assertTrue(failed.reason().contains("timed out"), failed.reason());
        }
    }

    @Test
    void redirectsAreFollowedUpToTheLimit() {
        for (int i = 0; i < 5; i++) {
            String next = "/hop" + (i + 1);
            server.route("/hop" + i, exchange -> {
                exchange.getResponseHeaders().set("Location", next);
                exchange.sendResponseHeaders(302, -1);
            });
        }
        server.serve("/hop5", "text/plain", "arrived");

        Fetched fetched = assertInstanceOf(Fetched.class, fetcher.fetch(server.uri("/hop0")));

        assertEquals("arrived", fetched.body());
    }

    @Test
    void moreThanFiveRedirectsIsAFailure() {
        server.route("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", server.base() + "/loop");
            exchange.sendResponseHeaders(301, -1);
        });

        Failed failed = assertInstanceOf(Failed.class, fetcher.fetch(server.uri("/loop")));

        assertTrue(failed.reason().contains("more than 5"), failed.reason());
        assertEquals(6, server.hits("/loop"), "the first request plus five followed redirects");
    }

    @Test
    void redirectToANonWebSchemeIsRefused() {
        server.route("/to-file", exchange -> {
            exchange.getResponseHeaders().set("Location", "file:///etc/passwd");
            exchange.sendResponseHeaders(302, -1);
        });

        Failed failed = assertInstanceOf(Failed.class, fetcher.fetch(server.uri("/to-file")));

        assertTrue(failed.reason().contains("not http or https"), failed.reason());
    }

    @Test
    void nonWebAddressIsRefusedWithoutAnyRequest() {
        Failed failed = assertInstanceOf(Failed.class, fetcher.fetch(URI.create("file:///etc/passwd")));

        assertTrue(failed.reason().contains("http and https"), failed.reason());
        assertEquals(0, server.totalHits());
    }

    @Test
    void errorStatusIsAFailureWithTheStatusCode() {
        server.route("/broken", exchange -> LoopbackServer.respond(exchange, 503, "text/plain", "down"));

        Failed failed = assertInstanceOf(Failed.class, fetcher.fetch(server.uri("/broken")));

        assertTrue(failed.reason().contains("HTTP 503"), failed.reason());
    }

    @Test
    void refusedConnectionIsAFailureNotAnException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        FetchResult result = fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/feed"));

        Failed failed = assertInstanceOf(Failed.class, result);
        assertTrue(failed.reason().contains("127.0.0.1"), failed.reason());
    }

    @Test
    void failureSentencesNameTheHostButNotTheQuery() {
        server.route("/search", exchange -> LoopbackServer.respond(exchange, 500, "text/plain", "error"));

        Failed failed = assertInstanceOf(Failed.class,
                fetcher.fetch(server.uri("/search?q=x&token=sk-live-DO-NOT-LOG")));

        assertTrue(failed.reason().contains("127.0.0.1"), failed.reason());
        assertTrue(Arrays.stream(failed.reason().split(" ")).noneMatch(w -> w.contains("DO-NOT-LOG")), failed.reason());
    }
}
