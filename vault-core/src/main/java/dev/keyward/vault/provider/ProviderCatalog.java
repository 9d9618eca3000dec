package dev.keyward.vault.provider;

import java.util.List;

/** The built-in provider catalog (temporary stand-in until the full catalog lands). */
public final class ProviderCatalog {
    private static final ProviderCatalog BUILT_IN = new ProviderCatalog(List.of(
            new CatalogProvider("openai", "OpenAI", "https://openai.com", "https://platform.openai.com/usage",
                    "https://api.openai.com", "https://status.openai.com", null, "https://platform.openai.com/docs",
                    List.of("sk-(proj-)?[A-Za-z0-9_-]{20,}"), List.of("llm"), "openai_compatible", null, null),
            new CatalogProvider("practice-cloud", "Practice Cloud", null, null, null, null, null, null,
                    List.of(), List.of("llm"), "openai_compatible", null, null)));
    private final List<CatalogProvider> all;

    private ProviderCatalog(List<CatalogProvider> all) {
        this.all = all;
    }

    public static ProviderCatalog builtIn() {
        return BUILT_IN;
    }

    public List<CatalogProvider> all() {
        return all;
    }
}
