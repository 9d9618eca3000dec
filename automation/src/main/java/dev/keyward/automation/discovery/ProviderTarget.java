package dev.keyward.automation.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * A provider as discovery sees it: its id and slug, the name used in sentences and search queries,
 * whether discovery watches it ({@code providers.discovery_enabled}), its sources, and how often it may be checked.
 */
public record ProviderTarget(String providerId, String slug, String displayName, boolean discoveryEnabled,
                             ProviderSources sources, Duration minInterval) {

    /** Checking a provider more than once an hour gains nothing and burdens the provider. */
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofHours(1);

    public ProviderTarget {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(sources, "sources");
        minInterval = minInterval == null ? DEFAULT_MIN_INTERVAL : minInterval;
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minInterval must not be negative");
        }
    }
}
