package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.DiscoveryRun;
import dev.keyward.automation.discovery.ProviderTarget;
import dev.keyward.automation.net.FetchSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits of discovery runs: per-fetch limits, how long the LLM may take per finding, how old an item may be
 * to become a finding, and how often one provider may be checked.
 */
public record DiscoveryOptions(FetchSettings fetch, Duration llmTimeout, Duration maxItemAge, Duration minInterval) {

    public DiscoveryOptions {
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(llmTimeout, "llmTimeout");
        Objects.requireNonNull(maxItemAge, "maxItemAge");
        Objects.requireNonNull(minInterval, "minInterval");
    }

    /** Fetch defaults, 60 s per LLM answer, items of the last 30 days, each provider at most hourly. */
    public static DiscoveryOptions defaults() {
        return new DiscoveryOptions(FetchSettings.defaults(), Duration.ofSeconds(60), DiscoveryRun.DEFAULT_MAX_ITEM_AGE,
                ProviderTarget.DEFAULT_MIN_INTERVAL);
    }

    public DiscoveryOptions withFetch(FetchSettings settings) {
        return new DiscoveryOptions(settings, llmTimeout, maxItemAge, minInterval);
    }

    public DiscoveryOptions withLlmTimeout(Duration timeout) {
        return new DiscoveryOptions(fetch, timeout, maxItemAge, minInterval);
    }
}
