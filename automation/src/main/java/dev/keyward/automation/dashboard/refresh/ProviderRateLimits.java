package dev.keyward.automation.dashboard.refresh;

import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per provider slug, each made on first use from the provider's limit or the default. */
public final class ProviderRateLimits {

    private final RateLimit fallback;
    private final Map<String, RateLimit> perProvider;
    private final InstantSource clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public ProviderRateLimits(RateLimit fallback, Map<String, RateLimit> perProvider, InstantSource clock) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.perProvider = Map.copyOf(perProvider);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The bucket of {@code providerSlug}; the same bucket for every call, so limits span refresh runs. */
    public TokenBucket bucketFor(String providerSlug) {
        return buckets.computeIfAbsent(providerSlug,
                slug -> new TokenBucket(perProvider.getOrDefault(slug, fallback), clock));
    }
}
