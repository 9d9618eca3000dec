package dev.keyward.vault.scan;

import dev.keyward.vault.provider.KeyFormatFinder;
import dev.keyward.vault.provider.KeyFormatMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link KeyFormatSearch} over every key format rule of the provider catalog, prefixed shapes
 * and name-hinted ones alike ({@link KeyFormatFinder}).
 */
public final class CatalogFormatSearch implements KeyFormatSearch {

    private final KeyFormatFinder finder;

    public CatalogFormatSearch(KeyFormatFinder finder) {
        this.finder = Objects.requireNonNull(finder, "finder");
    }

    /** A search over the bundled catalog. */
    public static CatalogFormatSearch bundled() {
        return Bundled.SEARCH;
    }

    @Override
    public List<FormatHit> find(CharSequence text) {
        List<KeyFormatMatch> matches = finder.find(text);
        List<FormatHit> hits = new ArrayList<>(matches.size());
        for (KeyFormatMatch match : matches) {
            hits.add(new FormatHit(match.start(), match.end(), match.providerSlug()));
        }
        return hits;
    }

    private static final class Bundled {
        static final CatalogFormatSearch SEARCH = new CatalogFormatSearch(KeyFormatFinder.bundled());
    }
}
