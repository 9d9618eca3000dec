package dev.keyward.automation.recommend;

import dev.keyward.vault.provider.CatalogProvider;

/**
 * A catalog provider that meets a need, with its score.
 *
 * @param provider the catalog entry
 * @param score    0 to 1 ({@code service_recommendations.match_score})
 * @param heldKey  whether the user already keeps a key for this provider
 */
public record ProviderMatch(CatalogProvider provider, double score, boolean heldKey) {}
