package dev.keyward.vault.provider;

import java.util.List;

/** A provider entry of the built-in catalog (temporary stand-in until the full catalog lands). */
public record CatalogProvider(String slug, String name, String website, String dashboardUrl, String apiBaseUrl,
                              String statusPageUrl, String changelogFeedUrl, String docsUrl, List<String> keyPatterns,
                              List<String> capabilities, String apiFamily, String pricingSummary, Boolean freeTier) {
}
