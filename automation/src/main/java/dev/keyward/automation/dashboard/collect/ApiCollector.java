package dev.keyward.automation.dashboard.collect;

import dev.keyward.automation.dashboard.CollectionResult;

/**
 * Collects one key's health and usage from its provider's API.
 *
 * <p>An implementation never logs the key, never puts it or a response body into a result or a
 * message, and never throws for what the network or the provider did; every outcome is a result.
 */
@FunctionalInterface
public interface ApiCollector {

    /** Asks the provider about the key in {@code request}; the result's method is {@code api}. */
    CollectionResult collect(CollectorRequest request);
}
