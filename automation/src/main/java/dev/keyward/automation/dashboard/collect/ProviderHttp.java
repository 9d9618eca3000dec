package dev.keyward.automation.dashboard.collect;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * Sends the authenticated GET requests of the collectors and turns every outcome into a
 * {@link ProviderAnswer}, so no exception (and no exception message) escapes to a result.
 */
public final class ProviderHttp {

    /** Bodies above this size are not read; no usage or model list a collector reads comes near it. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpClient client;

    /** Uses {@code client}; it should not follow redirects, so auth headers never travel to another host. */
    public ProviderHttp(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A client with a 10 s connect timeout that never follows redirects. */
    public static ProviderHttp withDefaultClient() {
        return new ProviderHttp(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** GETs {@code uri} with {@code headers}, waiting at most {@code timeout} for the response. */
    public ProviderAnswer get(URI uri, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "Keyward")
                .header("Accept", "application/json");
        headers.forEach(request::setHeader);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
                String body = bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
                return new ProviderAnswer.Answered(response.statusCode(), response.headers(), body);
            }
        } catch (HttpTimeoutException e) {
            return new ProviderAnswer.TimedOut();
        } catch (IOException e) {
            return new ProviderAnswer.Unreachable(reasonFor(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProviderAnswer.Stopped();
        }
    }

    // Exception messages can quote URLs and server text, so only the exception's kind is turned into words.
    private static String reasonFor(IOException e) {
        if (e instanceof UnknownHostException || e.getCause() instanceof UnknownHostException) {
            return "host name not found";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SSLException) {
            return "TLS handshake failed";
        }
        return "connection failed";
    }
}
