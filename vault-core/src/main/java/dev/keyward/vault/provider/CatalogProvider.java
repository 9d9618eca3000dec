package dev.keyward.vault.provider;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One provider from Keyward's bundled catalog: where its website, dashboard, API, status page,
 * changelog feed and docs are, what its keys look like and what it offers.
 *
 * <p>URL components are null when the provider has no such page (the local practice provider
 * has none). {@code statusPageUrl} is the base of an Atlassian Statuspage v2 site: append
 * {@code /api/v2/summary.json}. {@code keyPatterns} are anchored and match a whole key; the list is
 * empty when the provider's keys have no recognizable format. {@code keyFormat} says how the keys are found inside
 * text, including shapes that count only next to a name hint. {@code freeTier} is null when a
 * free tier does not apply or is not known.
 */
public record CatalogProvider(
        String slug,
        String name,
        URI website,
        URI dashboardUrl,
        URI apiBaseUrl,
        URI statusPageUrl,
        URI changelogFeedUrl,
        URI docsUrl,
        List<Pattern> keyPatterns,
        KeyFormat keyFormat,
        Set<ProviderCapability> capabilities,
        ApiFamily apiFamily,
        String pricingSummary,
        Boolean freeTier) {

    public CatalogProvider {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiFamily, "apiFamily");
        Objects.requireNonNull(pricingSummary, "pricingSummary");
        keyPatterns = List.copyOf(keyPatterns);
        Objects.requireNonNull(keyFormat, "keyFormat");
        capabilities = Set.copyOf(capabilities);
    }

    /** True for Keyward's local practice provider, which has no URLs and is never contacted online. */
    public boolean isPractice() {
        return ProviderCatalog.PRACTICE_SLUG.equals(slug);
    }

    /** True when the provider offers {@code capability}. */
    public boolean offers(ProviderCapability capability) {
        return capabilities.contains(capability);
    }

    /** All URLs that are set, in declaration order. */
    public List<URI> urls() {
        return Stream.of(website, dashboardUrl, apiBaseUrl, statusPageUrl,
                changelogFeedUrl, docsUrl).filter(Objects::nonNull).toList();
    }
}
