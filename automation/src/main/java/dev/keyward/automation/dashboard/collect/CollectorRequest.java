package dev.keyward.automation.dashboard.collect;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One collection to make: the provider, where its API lives, the key and how long to wait.
 *
 * <p>The request keeps its own copy of the key and wipes it on {@link #close()}; whoever builds the
 * request closes it (try-with-resources) and wipes the array it passed in.
 */
public final class CollectorRequest implements AutoCloseable {

    private final String providerSlug;
    private final URI baseUrl;
    private final char[] key;
    private final Duration timeout;

    /** Copies {@code key}; the caller stays responsible for wiping its own array. */
    public CollectorRequest(String providerSlug, URI baseUrl, char[] key, Duration timeout) {
        this.providerSlug = Objects.requireNonNull(providerSlug, "providerSlug");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.key = Objects.requireNonNull(key, "key").clone();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("A request timeout must be positive.");
        }
    }

    public String providerSlug() {
        return providerSlug;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The key itself, not a copy: read it, never keep or change it. */
    char[] key() {
        return key;
    }

    /** The host of the base URL, for sentences that say which API answered. */
    public String host() {
        return baseUrl.getHost() == null ? "(no host)" : baseUrl.getHost();
    }

    /**
     * Why the base URL cannot be used, if it cannot: it must be http or https with a host, and must not
     * carry credentials, a query or a fragment (they would end up in requests and messages).
     */
    public Optional<String> configurationProblem() {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("The API base URL for " + providerSlug + " is not an http or https address; fix it in the provider settings.");
        }
        if (baseUrl.getHost() == null) {
            return Optional.of("The API base URL for " + providerSlug + " has no host name; fix it in the provider settings.");
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            return Optional.of("The API base URL for " + providerSlug
                    + " carries credentials, a query or a fragment; keep only scheme, host, port and path.");
        }
        return Optional.empty();
    }

    /**
     * Why the key cannot go into an HTTP header, if it cannot: only visible ASCII is allowed, so a key
     * pasted with a space or line break is reported instead of failing inside the HTTP client.
     */
    public Optional<String> keyProblem() {
        if (key.length == 0) {
            return Optional.of("The stored key for " + providerSlug + " is empty; edit the secret.");
        }
        for (char c : key) {
            if (c < 0x21 || c > 0x7e) {
                return Optional.of("The stored key for " + providerSlug
                        + " contains spaces, line breaks or non-ASCII characters that no HTTP API accepts; edit the secret.");
            }
        }
        return Optional.empty();
    }

    /** {@code {base}{path}}, with exactly one slash between the base's path and {@code path}. */
    public URI endpoint(String path) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }

    /** Wipes the key copy. */
    @Override
    public void close() {
        Arrays.fill(key, '\0');
    }

    @Override
    public String toString() {
        return "CollectorRequest[" + providerSlug + " at " + host() + "]";
    }
}
