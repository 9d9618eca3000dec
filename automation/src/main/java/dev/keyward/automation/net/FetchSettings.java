package dev.keyward.automation.net;

import java.time.Duration;
import java.util.Objects;

/** Limits that keep one fetch small and short: timeouts, a body size cap, a redirect limit, and our User-Agent. */
public record FetchSettings(Duration connectTimeout, Duration totalTimeout, long maxBodyBytes, int maxRedirects,
                            String userAgent) {

    public static final String DEFAULT_USER_AGENT = "Keyward-Discovery/0.1 (local desktop vault; provider change watch)";

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
    }

    /** 10 s to connect, 30 s in all, 2 MiB per body, at most 5 redirects. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 2L * 1024 * 1024, 5, DEFAULT_USER_AGENT);
    }

    public FetchSettings withTotalTimeout(Duration total) {
        return new FetchSettings(connectTimeout, total, maxBodyBytes, maxRedirects, userAgent);
    }

    public FetchSettings withMaxBodyBytes(long max) {
        return new FetchSettings(connectTimeout, totalTimeout, max, maxRedirects, userAgent);
    }
}
