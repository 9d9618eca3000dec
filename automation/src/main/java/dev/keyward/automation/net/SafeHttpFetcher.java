package dev.keyward.automation.net;

import dev.keyward.automation.net.CappedBodySubscriber.BodyTooLargeException;
import dev.keyward.automation.net.FetchResult.Failed;
import dev.keyward.automation.net.FetchResult.Fetched;
import dev.keyward.automation.net.FetchResult.NotModified;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Fetches one public document with hard limits (timeouts, size cap, manual redirects over http/https only)
 * and conditional requests; every network problem comes back as {@link Failed}, never as an exception.
 */
public final class SafeHttpFetcher implements AutoCloseable {

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private final HttpClient client;
    private final FetchSettings settings;
    private final ConditionalCache cache;

    public SafeHttpFetcher(FetchSettings settings, ConditionalCache cache) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // We follow redirects ourselves so we can count them and refuse non-web schemes.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Fetches {@code url}; validators remembered for this exact address are sent as a conditional request. */
    public FetchResult fetch(URI url) {
        if (!isWebAddress(url)) {
            return new Failed("Only http and https addresses can be fetched; check the configured source address.");
        }
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        Optional<Validators> validators = cache.lookup(url);
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return timedOut(current);
            }
            Exchange exchange = send(request(current, validators, remaining), remaining, current);
            if (exchange.failure() != null) {
                return exchange.failure();
            }
            HttpResponse<byte[]> response = exchange.response();
            int status = response.statusCode();
            if (isRedirect(status)) {
                if (redirects >= settings.maxRedirects()) {
                    return new Failed(host(url) + " redirected more than " + settings.maxRedirects()
                            + " times, so the chain was not followed; check the configured source address.");
                }
                Optional<URI> next = redirectTarget(current, response);
                if (next.isEmpty()) {
                    return new Failed(host(current) + " sent a redirect to an address that is not http or https;"
                            + " it was refused.");
                }
                current = next.get();
                continue;
            }
            if (status == 304) {
                // Re-remembered so a persistent cache can note that the source still confirms them.
                validators.ifPresent(v -> cache.remember(url, v));
                return new NotModified();
            }
            if (status < 200 || status > 299) {
                return new Failed(host(current) + " answered HTTP " + status
                        + "; the source may be down or its address may have changed.", status);
            }
            return fetched(url, response);
        }
    }

    /**
     * Drops the validators remembered for {@code url}, so the next fetch downloads the document again;
     * used when a fetched document could not be parsed, so a 304 cannot hide that it is still broken.
     */
    public void forgetValidators(URI url) {
        cache.forget(url);
    }

    private record Exchange(HttpResponse<byte[]> response, Failed failure) {
    }

    private Exchange send(HttpRequest request, long remainingNanos, URI target) {
        HttpResponse.BodyHandler<byte[]> handler = info -> new CappedBodySubscriber(
                settings.maxBodyBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1));
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, handler);
        try {
            return new Exchange(future.get(remainingNanos, TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Exchange(null, timedOut(target));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Exchange(null, new Failed("The fetch from " + host(target) + " was interrupted."));
        } catch (ExecutionException e) {
            return new Exchange(null, describe(e.getCause(), target));
        }
    }

    private HttpRequest request(URI target, Optional<Validators> validators, long remainingNanos) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .GET()
                .timeout(Duration.ofNanos(remainingNanos))
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
        validators.ifPresent(v -> {
            if (v.etag() != null && !v.etag().isBlank()) {
                builder.header("If-None-Match", v.etag());
            }
            if (v.lastModified() != null && !v.lastModified().isBlank()) {
                builder.header("If-Modified-Since", v.lastModified());
            }
        });
        return builder.build();
    }

    private FetchResult fetched(URI requested, HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String etag = response.headers().firstValue("ETag").orElse(null);
        String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        cache.remember(requested, new Validators(etag, lastModified));
        String body = new String(response.body(), charsetOf(contentType));
        return new Fetched(body, contentType, etag, lastModified);
    }

    private Failed describe(Throwable cause, URI target) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return new Failed("Stopped reading from " + host(target) + ": response larger than "
                        + settings.maxBodyBytes() + " bytes. Check that the source address points to a feed or"
                        + " status API.");
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new Failed("Could not connect to " + host(target) + " within "
                        + seconds(settings.connectTimeout()) + "; check the network or try again later.");
            }
            if (t instanceof HttpTimeoutException) {
                return timedOut(target);
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new Failed("The host name " + host(target) + " could not be resolved; check the address"
                        + " and the network.");
            }
            if (t instanceof ConnectException) {
                return new Failed("Could not connect to " + host(target) + "; the host refused the connection"
                        + " or is unreachable.");
            }
            if (t instanceof SSLException) {
                return new Failed("The secure connection to " + host(target) + " failed (certificate or TLS problem).");
            }
        }
        return new Failed("The connection to " + host(target) + " failed before a complete answer arrived;"
                + " try again later.");
    }

    private Failed timedOut(URI target) {
        return new Failed(host(target) + " did not answer within " + seconds(settings.totalTimeout())
                + "; the request timed out. Try again later.");
    }

    private static Optional<URI> redirectTarget(URI current, HttpResponse<?> response) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI next = current.resolve(location.get().trim());
            return isWebAddress(next) ? Optional.of(next) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static boolean isWebAddress(URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static Charset charsetOf(String contentType) {
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                try {
                    return Charset.forName(m.group(1));
                } catch (IllegalArgumentException unknownCharset) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    // Only the host goes into sentences: a configured address could carry a token in its query.
    private static String host(URI url) {
        return url.getHost() == null ? "the source" : url.getHost();
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
