package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.collect.AnthropicCollector;
import dev.keyward.automation.dashboard.collect.ApiCollector;
import dev.keyward.automation.dashboard.collect.CollectorCatalog;
import dev.keyward.automation.dashboard.collect.GitHubCollector;
import dev.keyward.automation.dashboard.collect.OpenAiCompatibleCollector;
import dev.keyward.automation.dashboard.collect.ProviderHttp;
import dev.keyward.automation.dashboard.collect.StripeCollector;
import dev.keyward.automation.dashboard.WatchedKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the API collector of each provider from its row: the {@code api_family} picks the
 * collector, {@code api_base_url} says where it calls. A provider gets one only when both are
 * known; {@code generic} has no shared endpoint to call, so those providers are scraped or cached.
 */
final class ApiCollectors {

    private ApiCollectors() {
    }

    /** A catalog with an entry for every provider of {@code keys} that can be collected by API. */
    static CollectorCatalog forKeys(List<WatchedKey> keys, ProviderHttp http) {
        CollectorCatalog catalog = CollectorCatalog.empty();
        for (WatchedKey key : keys) {
            if (baseUrl(key) == null) {
                continue;
            }
            Optional<ApiCollector> collector = collectorFor(key.apiFamily(), http);
            if (collector.isPresent()) {
                catalog = catalog.with(key.providerSlug(), collector.get(), null);
            }
        }
        return catalog;
    }

    /** True when a provider with this row can be collected by API: a known family and a usable base URL. */
    static boolean collectsByApi(WatchedKey key) {
        return baseUrl(key) != null && switch (String.valueOf(key.apiFamily())) {
            case "openai_compatible", "anthropic", "github", "stripe" -> true;
            default -> false;
        };
    }

    static Optional<ApiCollector> collectorFor(String apiFamily, ProviderHttp http) {
        if (apiFamily == null) {
            return Optional.empty();
        }
        return switch (apiFamily) {
            case "openai_compatible" -> Optional.of(new OpenAiCompatibleCollector(http));
            case "anthropic" -> Optional.of(new AnthropicCollector(http));
            case "github" -> Optional.of(new GitHubCollector(http));
            case "stripe" -> Optional.of(new StripeCollector(http));
            default -> Optional.empty();
        };
    }

    /**
     * The base URL the collector appends its paths to, or null when the row's URL is unusable. The
     * catalog stores bases with their version ({@code https://api.openai.com/v1}) while the
     * OpenAI-compatible, Anthropic and Stripe collectors add {@code /v1} themselves, so a trailing
     * {@code /v1} is dropped for them.
     */
    static URI baseUrl(WatchedKey key) {
        String text = key.apiBaseUrl();
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        boolean addsVersion = switch (String.valueOf(key.apiFamily())) {
            case "openai_compatible", "anthropic", "stripe" -> true;
            default -> false;
        };
        if (addsVersion && trimmed.endsWith("/v1")) {
            trimmed = trimmed.substring(0, trimmed.length() - "/v1".length());
        }
        try {
            return new URI(trimmed);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
