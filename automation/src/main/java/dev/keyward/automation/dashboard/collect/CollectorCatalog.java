package dev.keyward.automation.dashboard.collect;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Which API collector serves which provider slug, and the base URL to use when a provider row sets none. */
public final class CollectorCatalog {

    /**
     * One provider's collector.
     *
     * @param collector      the collector
     * @param defaultBaseUrl the provider's public API base, or null when the provider row must set one
     */
    public record Entry(ApiCollector collector, URI defaultBaseUrl) {
        public Entry {
            Objects.requireNonNull(collector, "collector");
        }
    }

    private final Map<String, Entry> entries;

    private CollectorCatalog(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** A catalog without collectors. */
    public static CollectorCatalog empty() {
        return new CollectorCatalog(Map.of());
    }

    /**
     * The collectors Keyward ships: openai, anthropic, github, stripe, and practice-cloud (the local
     * practice provider, whose base URL comes from its provider row).
     */
    public static CollectorCatalog standard(ProviderHttp http) {
        OpenAiCompatibleCollector openAiCompatible = new OpenAiCompatibleCollector(http);
        return empty()
                .with("openai", openAiCompatible, URI.create("https://api.openai.com"))
                .with("anthropic", new AnthropicCollector(http), URI.create("https://api.anthropic.com"))
                .with("github", new GitHubCollector(http), URI.create("https://api.github.com"))
                .with("stripe", new StripeCollector(http), URI.create("https://api.stripe.com"))
                .with("practice-cloud", openAiCompatible, null);
    }

    /** This catalog plus (or with a replaced) entry for {@code providerSlug}. */
    public CollectorCatalog with(String providerSlug, ApiCollector collector, URI defaultBaseUrl) {
        Map<String, Entry> copy = new HashMap<>(entries);
        copy.put(Objects.requireNonNull(providerSlug, "providerSlug"), new Entry(collector, defaultBaseUrl));
        return new CollectorCatalog(copy);
    }

    /** The entry for a provider slug, if Keyward has an API collector for it. */
    public Optional<Entry> find(String providerSlug) {
        return Optional.ofNullable(entries.get(providerSlug));
    }
}
