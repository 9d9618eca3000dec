package dev.keyward.vault.provider;

import java.util.List;

/**
 * A provider as this profile knows it: the catalog entry plus the user's overrides. The
 * automation fields are null until the automation schema is enabled.
 */
public record ProviderInfo(
        String id,
        String slug,
        String name,
        String websiteUrl,
        String docsUrl,
        String statusPageUrl,
        String changelogFeedUrl,
        String apiFamily,
        List<String> capabilities,
        String pricingSummary,
        Boolean freeTier,
        String dashboardUrl,
        String apiBaseUrl,
        Boolean dashboardSupported,
        Boolean discoveryEnabled) {
}
