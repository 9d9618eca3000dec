package dev.keyward.automation.dashboard;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One API key to refresh: which secret, which provider, where its API lives and the dates the
 * warnings need. It carries no key value; the refresher reads that only when it collects.
 *
 * @param secretId      {@code secrets.id}
 * @param providerId    {@code providers.id}
 * @param providerSlug  the provider's slug, which picks the collector (e.g. {@code openai})
 * @param apiBaseUrl    {@code providers.api_base_url}, or null to use the collector's default
 * @param keyCreatedAt  when the key was created or stored, or null if unknown
 * @param keyExpiresAt  when the key expires, or null if it does not
 */
public record KeyTarget(
        String secretId,
        String providerId,
        String providerSlug,
        URI apiBaseUrl,
        Instant keyCreatedAt,
        Instant keyExpiresAt) {

    public KeyTarget {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerSlug, "providerSlug");
    }
}
