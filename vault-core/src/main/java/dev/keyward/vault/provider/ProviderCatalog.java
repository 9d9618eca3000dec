package dev.keyward.vault.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable list of API providers Keyward knows about, read from the bundled
 * {@code catalog.json} once per process.
 */
public final class ProviderCatalog {

    /** The slug of Keyward's local practice provider. */
    public static final String PRACTICE_SLUG = "practice-cloud";

    private static final String RESOURCE = "catalog.json";

    private final List<CatalogProvider> providers;
    private final Map<String, CatalogProvider> bySlug;

    private ProviderCatalog(List<CatalogProvider> providers) {
        this.providers = List.copyOf(providers);
        Map<String, CatalogProvider> index = new LinkedHashMap<>();
        providers.forEach(p -> index.put(p.slug(), p));
        this.bySlug = Map.copyOf(index);
    }

    /** The catalog bundled with Keyward; loaded on first use and shared afterwards. */
    public static ProviderCatalog bundled() {
        return Bundled.CATALOG;
    }

    /**
     * Reads a catalog in the bundled format from {@code json} (which is not closed).
     *
     * @throws CatalogFormatException if the document does not follow the format
     */
    public static ProviderCatalog read(InputStream json) throws IOException {
        return new ProviderCatalog(CatalogJsonReader.read(json));
    }

    /** Every provider, in catalog order. */
    public List<CatalogProvider> all() {
        return providers;
    }

    /** The provider with this slug, if the catalog has one. */
    public Optional<CatalogProvider> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(Objects.requireNonNull(slug, "slug")));
    }

    /** The providers that offer {@code capability}, in catalog order. */
    public List<CatalogProvider> byCapability(ProviderCapability capability) {
        Objects.requireNonNull(capability, "capability");
        return providers.stream().filter(p -> p.offers(capability)).toList();
    }

    /** Holder idiom: the JVM loads the resource once, on first access, thread-safely. */
    private static final class Bundled {
        static final ProviderCatalog CATALOG = load();

        private static ProviderCatalog load() {
            try (InputStream in = ProviderCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled provider catalog " + RESOURCE
                            + " is missing from the classpath; the build is incomplete");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled provider catalog could not be read", e);
            }
        }
    }
}
