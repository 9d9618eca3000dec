package dev.keyward.vault.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyFormatDetectorTest {

    private final ProviderCatalog catalog = ProviderCatalog.bundled();
    private final KeyFormatDetector detector = KeyFormatDetector.bundled();

    @Test
    void everyProviderWithAKeyFormatHasASampleThatFitsIt() {
        Map<String, String> samples = FakeKeys.onePerProvider();
        for (CatalogProvider provider : catalog.all()) {
            if (provider.keyPatterns().isEmpty()) {
                continue;
            }
            String sample = samples.get(provider.slug());
            assertTrue(sample != null, "no sample key for " + provider.slug());
            assertTrue(provider.keyPatterns().stream().anyMatch(p -> p.matcher(sample).matches()),
                    "the sample for " + provider.slug() + " does not fit its own pattern");
        }
    }

    static Stream<Arguments> detectsTheProviderFromItsKeyFormat() {
        return Stream.concat(FakeKeys.onePerProvider().entrySet().stream(),
                        FakeKeys.secondaryFormats().entrySet().stream())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void detectsTheProviderFromItsKeyFormat(String slug, String key) {
        assertEquals(Optional.of(slug), detector.detect(key));
    }

    @Test
    void anthropicKeysAreNotMistakenForOpenAiKeys() {
        String anthropic = FakeKeys.onePerProvider().get("anthropic");
        assertTrue(catalog.bySlug("openai").orElseThrow().keyPatterns().get(0).matcher(anthropic).matches(),
                "the test needs a key both formats accept");
        assertEquals(Optional.of("anthropic"), detector.detect(anthropic));
    }

    @Test
    void moreSpecificSkDashFormatsWinOverOpenAi() {
        assertEquals(Optional.of("openrouter"), detector.detect(FakeKeys.onePerProvider().get("openrouter")));
        assertEquals(Optional.of("deepseek"), detector.detect(FakeKeys.onePerProvider().get("deepseek")));
        assertEquals(Optional.of("openai"), detector.detect("sk-" + FakeKeys.body(FakeKeys.ALNUM, 48)));
    }

    @Test
    void ignoresSurroundingWhiteSpaceAndReadsCharArrays() {
        String key = FakeKeys.onePerProvider().get("groq");
        assertEquals(Optional.of("groq"), detector.detect("  " + key + "\n"));
        assertEquals(Optional.of("groq"), detector.detect(key.toCharArray()));
        assertEquals(Optional.of("groq"), detector.detect((" " + key + " ").toCharArray()));
    }

    @Test
    void shortStringsAndWordsDetectNothing() {
        for (String text : new String[] {"", " ", "sk-", "sk-short", "ghp_abc", "AKIA123", "hello world",
                "password123", "gsk_", "xoxb-", "SG.abc.def", "https://api.openai.com/v1", "true", "8080",
                "pk.eyJ", "re_x", "r8_", "hf_", "sk-ant-"}) {
            assertEquals(Optional.empty(), detector.detect(text), text);
        }
    }

    @Test
    void randomTextDetectsNothing() {
        Random random = new Random(42);
        String printable = " !\"#$%&'()*+,./:;<=>?@[\\]^`{|}~" + FakeKeys.ALNUM + "é中😀";
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(70);
            for (int j = 0; j < length; j++) {
                text.append(printable.charAt(random.nextInt(printable.length())));
            }
            assertEquals(Optional.empty(), detector.detect(text), "random text #" + i);
        }
    }

    @Test
    void inputLongerThanAnyKeyIsNotExamined() {
        String longValue = "sk-" + FakeKeys.body(FakeKeys.ALNUM, KeyFormatDetector.MAX_KEY_LENGTH);
        assertEquals(Optional.empty(), detector.detect(longValue));
    }

    @Test
    void literalPrefixLengthCountsFixedLeadingText() {
        assertEquals(7, KeyFormatDetector.literalPrefixLength("^sk-ant-[A-Za-z0-9_-]{20,}$"));
        assertEquals(3, KeyFormatDetector.literalPrefixLength("^sk-(proj-)?[A-Za-z0-9_-]{20,}$"));
        assertEquals(3, KeyFormatDetector.literalPrefixLength("^SG\\.[A-Za-z0-9_-]{22}$"));
        assertEquals(0, KeyFormatDetector.literalPrefixLength("^(sk|rk)_(live|test)_[A-Za-z0-9]{16,}$"));
        assertEquals(1, KeyFormatDetector.literalPrefixLength("^ab?c$"));
    }
}
