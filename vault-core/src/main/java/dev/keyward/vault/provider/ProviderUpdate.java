package dev.keyward.vault.provider;

/** Fields of a provider the user may point elsewhere (mirrors, tests); null leaves a field as it is. */
public record ProviderUpdate(
        String apiBaseUrl,
        String dashboardUrl,
        String statusPageUrl,
        String changelogFeedUrl,
        Boolean discoveryEnabled,
        Boolean dashboardSupported) {

    public boolean touchesAutomation() {
        return apiBaseUrl != null || dashboardUrl != null || discoveryEnabled != null || dashboardSupported != null;
    }
}
