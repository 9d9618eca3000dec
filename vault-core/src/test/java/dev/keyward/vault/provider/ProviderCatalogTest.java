package dev.keyward.vault.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProviderCatalogTest {

    private final ProviderCatalog catalog = ProviderCatalog.bundled();

    @Test
    void bundledCatalogLoadsOnceWithAtLeastTwentyProviders() {
        assertSame(catalog, ProviderCatalog.bundled());
        assertTrue(catalog.all().size() >= 20, "only " + catalog.all().size() + " providers");
    }

    @Test
    void slugsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (CatalogProvider provider : catalog.all()) {
            assertTrue(seen.add(provider.slug()), "repeated slug " + provider.slug());
        }
    }

    @Test
    void everyKeyPatternCompilesAndIsAnchored() {
        int patterns = 0;
        for (CatalogProvider provider : catalog.all()) {
            for (Pattern pattern : provider.keyPatterns()) {
                String regex = pattern.pattern();
                assertNotNull(Pattern.compile(regex));
                assertTrue(regex.startsWith("^") && regex.endsWith("$"), provider.slug() + ": " + regex);
                patterns++;
            }
        }
        assertTrue(patterns >= 30, "only " + patterns + " key patterns");
    }

    @Test
    void everyUrlIsHttpsExceptThePracticeProviderWhichHasNone() {
        for (CatalogProvider provider : catalog.all()) {
            if (provider.isPractice()) {
                assertEquals(List.of(), provider.urls());
                continue;
            }
            assertNotNull(provider.website(), provider.slug());
            assertNotNull(provider.docsUrl(), provider.slug());
            for (URI url : provider.urls()) {
                assertEquals("https", url.getScheme(), provider.slug() + ": " + url);
            }
        }
    }

    @Test
    void practiceCloudIsTheLocalOpenAiCompatibleProvider() {
        CatalogProvider practice = catalog.bySlug(ProviderCatalog.PRACTICE_SLUG).orElseThrow();
        assertTrue(practice.isPractice());
        assertEquals(ApiFamily.OPENAI_COMPATIBLE, practice.apiFamily());
        assertTrue(practice.offers(ProviderCapability.LLM));
        assertTrue(practice.offers(ProviderCapability.PAYMENTS));
        assertEquals(1, catalog.all().stream().filter(CatalogProvider::isPractice).count());
    }

    @Test
    void knownProvidersCarryTheirFamilyAndStatusPage() {
        CatalogProvider anthropic = catalog.bySlug("anthropic").orElseThrow();
        assertEquals(ApiFamily.ANTHROPIC, anthropic.apiFamily());
        assertEquals(ApiFamily.GITHUB, catalog.bySlug("github").orElseThrow().apiFamily());
        assertEquals(ApiFamily.STRIPE, catalog.bySlug("stripe").orElseThrow().apiFamily());
        assertEquals(URI.create("https://status.openai.com"),
                catalog.bySlug("openai").orElseThrow().statusPageUrl());
        assertTrue(catalog.bySlug("no-such-provider").isEmpty());
    }

    @Test
    void byCapabilityListsTheProvidersThatOfferIt() {
        List<String> llm = catalog.byCapability(ProviderCapability.LLM).stream().map(CatalogProvider::slug).toList();
        assertTrue(llm.containsAll(List.of("openai", "anthropic", "groq", "practice-cloud")), llm.toString());
        assertFalse(llm.contains("stripe"));
        List<String> payments = catalog.byCapability(ProviderCapability.PAYMENTS).stream()
                .map(CatalogProvider::slug).toList();
        assertEquals(List.of("practice-cloud", "stripe"), payments);
    }

    @Test
    void everyProviderHasAPricingSentenceAndACapability() {
        for (CatalogProvider provider : catalog.all()) {
            assertFalse(provider.capabilities().isEmpty(), provider.slug());
            assertTrue(provider.pricingSummary().endsWith("."), provider.slug());
            assertTrue(provider.pricingSummary().length() < 140, provider.slug());
        }
    }

    @Test
    void catalogListsCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> catalog.all().clear());
        CatalogProvider first = catalog.all().get(0);
        assertThrows(UnsupportedOperationException.class, () -> first.keyPatterns().clear());
        assertThrows(UnsupportedOperationException.class, () -> first.capabilities().clear());
    }

    @Test
    void readerRefusesMalformedCatalogsNamingTheProblem() {
        String valid = provider("a-b", "\"^x_[0-9]{4}$\"", "\"llm\"");
        assertEquals(1, read(doc(valid)).all().size());
        assertRefused(doc(valid + "," + valid), "appears twice");
        assertRefused(doc(provider("a-b", "\"x_[0-9]{4}\"", "\"llm\"")), "not anchored");
        assertRefused(doc(provider("a-b", "\"^x_[0-9{4}$\"", "\"llm\"")), "does not compile");
        assertRefused(doc(provider("a-b", "\"^x$\"", "\"telepathy\"")), "unknown capability");
        assertRefused(doc(provider("A B", "\"^x$\"", "\"llm\"")), "slug");
        assertRefused(doc(valid.replace("\"free_tier\": null", "\"free_tier\": null, \"extra\": 1")), "unknown field");
        assertRefused(doc(valid.replace(", \"free_tier\": null", "")), "lacks the field free_tier");
        assertRefused(doc(valid.replace("\"website\": null", "\"website\": \"not a url\"")), "website");
        assertRefused("{\"format_version\": 2, \"providers\": []}", "format_version");
        assertRefused(doc(valid.replace("\"hinted_patterns\": []", "\"hinted_patterns\": [\"^[0-9a-f]{32}$\"]")),
                "hinted patterns but no name hints");
        assertRefused(doc(valid.replace("\"hinted_patterns\": []", "\"hinted_patterns\": [\"[0-9a-f]{32}\"]")),
                "hinted_patterns that is not anchored");
        assertRefused(doc(valid.replace("\"min_entropy\": null", "\"min_entropy\": 9")), "min_entropy");
        assertRefused(doc(valid.replace("\"name_hints\": []", "\"name_hints\": [\"a b\"]")), "name hint");
        assertRefused(doc(valid.replace(", \"note\": \"n\"", "")), "lacks the key_format field note");
        assertRefused(doc(valid.replace("\"key_format\": {", "\"key_format\": {\"extra\": 1, ")), "unknown key_format field");
    }

    private static String doc(String providers) {
        return "{\"format_version\": 1, \"providers\": [" + providers + "]}";
    }

    private static String provider(String slug, String pattern, String capability) {
        return "{\"slug\": \"" + slug + "\", \"name\": \"N\", \"website\": null, \"dashboard_url\": null,"
                + " \"api_base_url\": null, \"status_page_url\": null, \"changelog_feed_url\": null,"
                + " \"docs_url\": null, \"key_patterns\": [" + pattern + "], \"key_format\": {\"hinted_patterns\": [],"
                + " \"name_hints\": [], \"min_entropy\": null, \"note\": \"n\"}, \"capabilities\": ["
                + capability + "], \"api_family\": \"generic\", \"pricing_summary\": \"Free.\","
                + " \"free_tier\": null}";
    }

    private static ProviderCatalog read(String json) {
        try {
            return ProviderCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(String json, String fragment) {
        CatalogFormatException refused = assertThrows(CatalogFormatException.class, () -> read(json));
        assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
    }
}
