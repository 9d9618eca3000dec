package dev.keyward.app.session;

import java.net.http.HttpClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The two kinds of HTTP client Keyward's app makes, and how one is closed; the only place app builds one. */
final class HttpClients {

    private static final Logger LOG = LoggerFactory.getLogger(HttpClients.class);

    private HttpClients() {
    }

    /** Provider APIs and the LLM: never follows redirects, so an auth header never travels to another host. */
    static HttpClient forProviders() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Public downloads for the reference library, which must follow GitHub's redirects to codeload. */
    static HttpClient forDownloads() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** Ends the client's threads, waiting up to five seconds. */
    static void close(HttpClient client) {
        // shutdownNow: a request still in flight belongs to a session or command that is going away.
        client.shutdownNow();
        try {
            if (!client.awaitTermination(Duration.ofSeconds(5))) {
                LOG.debug("An HTTP client did not stop within 5 s; its threads end with the process.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
