package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceholderResolverTest {

    private static final ProviderFields PRACTICE = new ProviderFields("Practice Cloud", "practice-cloud",
            "http://127.0.0.1:8080", "http://127.0.0.1:8080/dashboard", null);

    /** A vault stand-in that hands out fresh copies and remembers them, so tests can see they were wiped. */
    private static final class RecordingVault implements SecretLookup {
        private final Map<String, String> values = new HashMap<>();
        private final List<char[]> handedOut = new ArrayList<>();
        private final List<String> asked = new ArrayList<>();

        RecordingVault with(String name, String value) {
            values.put(name, value);
            return this;
        }

        @Override
        public Optional<char[]> find(String name) {
            asked.add(name);
            String value = values.get(name);
            if (value == null) {
                return Optional.empty();
            }
            char[] copy = value.toCharArray();
            handedOut.add(copy);
            return Optional.of(copy);
        }
    }

    @Test
    void inputsAndProviderFieldsAreSubstituted() {
        PlaceholderResolver resolver = new PlaceholderResolver(name -> Optional.empty(), PRACTICE,
                Map.of("base_url", "http://127.0.0.1:41234"));

        assertEquals("http://127.0.0.1:41234/keys?p=practice-cloud",
                resolver.resolve("{{input:base_url}}/keys?p={{provider.slug}}"));
        assertEquals("http://127.0.0.1:8080/dashboard", resolver.resolve("{{provider.dashboard_url}}"));
        assertEquals("no placeholders", resolver.resolve("no placeholders"));
    }

    @Test
    void secretIsRefusedWhereOnlyPublicValuesMayGo() {
        RecordingVault vault = new RecordingVault().with("pw", "correct horse");
        PlaceholderResolver resolver = new PlaceholderResolver(vault, PRACTICE, Map.of());

        PlaceholderResolutionException thrown = assertThrows(PlaceholderResolutionException.class,
                () -> resolver.resolve("text={{secret:pw}}"));

        assertEquals("Secret 'pw' is referenced in a field that may not hold secrets; only fill values may.",
                thrown.getMessage());
        assertTrue(vault.asked.isEmpty(), "the vault is not even asked");
    }

    @Test
    void fillValueGetsTheSecretAndTheFetchedCopyIsWiped() {
        RecordingVault vault = new RecordingVault().with("practice-cloud-password", "correct horse");
        PlaceholderResolver resolver = new PlaceholderResolver(vault, PRACTICE, Map.of("user", "ada"));

        char[] value = resolver.resolveWithSecrets("{{input:user}}:{{secret:practice-cloud-password}}!");

        assertArrayEquals("ada:correct horse!".toCharArray(), value);
        assertEquals(1, vault.handedOut.size());
        assertArrayEquals(new char[13], vault.handedOut.getFirst(), "the vault's copy is zeroed after use");
    }

    @Test
    void missingSecretIsNamedWithoutAnyValue() {
        PlaceholderResolver resolver = new PlaceholderResolver(new RecordingVault(), PRACTICE, Map.of());

        PlaceholderResolutionException thrown = assertThrows(PlaceholderResolutionException.class,
                () -> resolver.resolveWithSecrets("{{secret:practice-cloud-password}}"));

        assertEquals("Secret 'practice-cloud-password' is not in the vault; add it or change the program.",
                thrown.getMessage());
    }

    @Test
    void missingInputAndUnsetProviderFieldSayWhatToDo() {
        PlaceholderResolver resolver = new PlaceholderResolver(name -> Optional.empty(), PRACTICE, Map.of());

        assertEquals("Input 'base_url' has no value; supply it when starting the run.",
                assertThrows(PlaceholderResolutionException.class,
                        () -> resolver.resolve("{{input:base_url}}/login")).getMessage());
        assertEquals("Provider field 'api_base_url' is not set for this provider; fill it in on the provider page.",
                assertThrows(PlaceholderResolutionException.class,
                        () -> resolver.resolve("{{provider.api_base_url}}/v1")).getMessage());
    }

    @Test
    void substitutedValuesAreNotScannedAgain() {
        RecordingVault vault = new RecordingVault().with("pw", "secret-value");
        PlaceholderResolver resolver = new PlaceholderResolver(vault, PRACTICE,
                Map.of("name", "{{secret:pw}}"));

        assertEquals("{{secret:pw}}", resolver.resolve("{{input:name}}"));
        assertArrayEquals("{{secret:pw}}".toCharArray(), resolver.resolveWithSecrets("{{input:name}}"));
        assertTrue(vault.asked.isEmpty(), "an input cannot smuggle in a secret reference");
    }

    @Test
    void malformedPlaceholderIsRefusedAtRunTimeToo() {
        PlaceholderResolver resolver = new PlaceholderResolver(name -> Optional.empty(), PRACTICE, Map.of());

        assertThrows(PlaceholderResolutionException.class, () -> resolver.resolve("{{input:Base}}"));
    }

    @Test
    void scannerSeparatesWellFormedFromMalformed() {
        PlaceholderScanner.Scan scan = PlaceholderScanner.scan(
                "{{secret:a.b-c_1}} {{input:x1}} {{provider.website}} {{secret:}} {{input:X}} {{provider.password}}"
                        + " {{ input:x }} {{secret:has space}}");

        assertEquals(List.of(new Placeholder.SecretRef("a.b-c_1"), new Placeholder.InputRef("x1"),
                new Placeholder.ProviderRef(ProviderField.WEBSITE)), scan.placeholders());
        assertEquals(5, scan.malformedAt().size());
        assertFalse(scan.wellFormed());
    }

    @Test
    void literalPartsBlankOutPlaceholders() {
        assertEquals("  / ", PlaceholderScanner.literalParts("{{input:a}} /{{secret:b}}"));
        assertEquals("x  y", PlaceholderScanner.literalParts("x {{provider.slug}}y"));
    }

    @Test
    void inputValuesFallBackToDefaultsAndRefuseStrangers() {
        StepProgram program = new StepProgram(StepProgram.FORMAT, 1, "t", null, "p", TaskType.CUSTOM,
                List.of("example.com"),
                List.of(new InputDeclaration("cap", null, "50"), new InputDeclaration("base_url", null, null)),
                List.of(new Step.Click(StepHeader.of("a"), "#a")));

        assertEquals(Map.of("cap", "50", "base_url", "http://x"), program.inputValues(Map.of("base_url", "http://x")));
        assertEquals(Map.of("cap", "75", "base_url", "http://x"),
                program.inputValues(Map.of("base_url", "http://x", "cap", "75")));
        assertEquals("Input 'base_url' has no value and no default; supply it when starting the run.",
                assertThrows(PlaceholderResolutionException.class, () -> program.inputValues(Map.of())).getMessage());
        assertEquals("Input 'extra' is not declared by this program; remove it from the run or declare it.",
                assertThrows(PlaceholderResolutionException.class,
                        () -> program.inputValues(Map.of("base_url", "u", "extra", "e"))).getMessage());
    }
}
