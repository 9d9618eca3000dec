package dev.keyward.automation.dashboard;

import java.time.Instant;
import java.util.Objects;

/**
 * A secret the dashboard watches, with what its provider row says about where to collect it.
 *
 * @param secretId      {@code secrets.id}
 * @param secretName    {@code secrets.name}
 * @param providerId    {@code providers.id}
 * @param providerSlug  {@code providers.slug}
 * @param apiFamily     {@code providers.api_family}
 * @param apiBaseUrl    {@code providers.api_base_url}, or null
 * @param dashboardUrl  {@code providers.dashboard_url}, or null
 * @param statusPageUrl {@code providers.status_page_url}, or null
 * @param keyDate       when the current value was stored: {@code rotated_at}, else {@code created_at}
 * @param expiresAt     {@code secrets.expires_at}, or null
 */
public record WatchedKey(
        String secretId,
        String secretName,
        String providerId,
        String providerSlug,
        String apiFamily,
        String apiBaseUrl,
        String dashboardUrl,
        String statusPageUrl,
        Instant keyDate,
        Instant expiresAt) {

    public WatchedKey {
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerSlug, "providerSlug");
    }
}
