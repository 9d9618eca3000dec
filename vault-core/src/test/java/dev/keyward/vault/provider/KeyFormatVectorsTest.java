package dev.keyward.vault.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyFormatVectorsTest {

    private static final List<String> CONTEXTS = List.of(
            "%s",
            "API_KEY=\"%s\"\n",
            "{\"token\": \"%s\", \"retries\": 3}",
            "settings:\n  token: %s\n  region: eu\n",
            "https://api.example.test/v1/items?key=%s&page=2",
            "client = Client(credential='%s')  # see the docs",
            "curl -H 'Authorization: Bearer %s' https://api.example.test",
            "{\"log\": \"started\\n%s\\nstopped\"}",
            "export TOKEN=%s; echo done",
            "const token = `%s`;",
            "token%%3D%s%%26x");
    private static final List<String> NAMED_CONTEXTS = List.of(
            "%s=%s\n",
            "%s=\"%s\"\n",
            "{\"%s\": \"%s\"}",
            "  %s: %s\n",
            "export %s='%s'",
            "%s := \"%s\"",
            "%s => '%s',");

    private final KeyFormatDetector detector = KeyFormatDetector.bundled();
    private final KeyFormatFinder finder = KeyFormatFinder.bundled();

    @Test
    void everyCatalogProviderHasAFormatRuleAndTwoTrueAndTwoFalseVectors() {
        Set<String> catalog = ProviderCatalog.bundled().all().stream().map(CatalogProvider::slug)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalog, new TreeSet<>(KeyFormatVectors.slugs()), "vectors and catalog list different providers");
        for (CatalogProvider provider : ProviderCatalog.bundled().all()) {
            assertTrue(!provider.keyPatterns().isEmpty() || !provider.keyFormat().hintedPatterns().isEmpty(),
                    provider.slug() + " has no format rule");
            assertTrue(provider.keyFormat().note().length() > 20, provider.slug() + " does not say why its rule is what it is");
            List<KeyFormatVectors.Vector> own = KeyFormatVectors.all().stream()
                    .filter(v -> v.slug().equals(provider.slug())).toList();
            assertTrue(own.stream().filter(KeyFormatVectors.Vector::shouldMatch).count() >= 2, provider.slug());
            assertTrue(own.stream().filter(v -> !v.shouldMatch()).count() >= 2, provider.slug());
        }
    }

    static Stream<KeyFormatVectors.Vector> vectors() {
        return KeyFormatVectors.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorBehavesAsALoneValueAndInsideText(KeyFormatVectors.Vector vector) {
        List<String> texts = vector.name() == null
                ? CONTEXTS.stream().map(c -> String.format(c, vector.value())).toList()
                : NAMED_CONTEXTS.stream().map(c -> String.format(c, vector.name(), vector.value())).toList();
        if (vector.shouldMatch()) {
            if (vector.name() == null) {
                assertEquals(Optional.of(vector.slug()), detector.detect(vector.value()), "whole value");
            }
            for (String text : texts) {
                List<KeyFormatMatch> found = finder.find(text);
                assertEquals(1, found.size(), () -> "context " + context(text, vector) + " gave " + found.size());
                KeyFormatMatch match = found.get(0);
                assertEquals(vector.slug(), match.providerSlug(), () -> "context " + context(text, vector));
                assertEquals(vector.value(), text.substring(match.start(), match.end()),
                        () -> "span in context " + context(text, vector));
                assertEquals(vector.name() != null, match.byNameHint());
            }
        } else {
            if (vector.name() == null && !vector.textOnly()) {
                assertTrue(detector.detect(vector.value()).filter(vector.slug()::equals).isEmpty(), "whole value");
            }
            for (String text : texts) {
                assertTrue(finder.find(text).stream().noneMatch(m -> m.providerSlug().equals(vector.slug())),
                        () -> "found in context " + context(text, vector));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aNamedTrueVectorNeedsItsName(KeyFormatVectors.Vector vector) {
        if (!vector.shouldMatch() || vector.name() == null) {
            return;
        }
        for (String text : List.of(vector.value(), "VALUE=" + vector.value(), "{\"data\": \"" + vector.value() + "\"}")) {
            assertTrue(finder.find(text).stream().noneMatch(m -> m.providerSlug().equals(vector.slug())),
                    () -> "found without its name in " + context(text, vector));
        }
    }

    @Test
    void everyTrueVectorIsFoundInOneLargeDocumentAndNothingElse() {
        StringBuilder text = new StringBuilder();
        List<KeyFormatVectors.Vector> planted = KeyFormatVectors.all().stream()
                .filter(KeyFormatVectors.Vector::shouldMatch).toList();
        for (KeyFormatVectors.Vector vector : planted) {
            text.append("// ordinary line of code: int total = count * 2 + offset; see notes below\n");
            text.append(vector.name() == null ? "value = \"" + vector.value() + "\"\n"
                    : vector.name() + "=" + vector.value() + "\n");
            text.append("Lorem ipsum dolor sit amet, skeleton key-value pairs, re_run AKIA sk- ghp_ are words here.\n");
        }
        List<KeyFormatMatch> found = finder.find(text);
        assertEquals(planted.stream().map(KeyFormatVectors.Vector::slug).toList(),
                found.stream().map(KeyFormatMatch::providerSlug).toList());
    }

    /** The context with the value replaced, so a failure message never shows the value. */
    private static String context(String text, KeyFormatVectors.Vector vector) {
        return "'" + text.replace(vector.value(), "<" + vector.template() + ">") + "'";
    }
}
