package dev.keyward.vault.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The written form of references: strict parsing, percent-encoding, and round trips. */
class ReferenceSyntaxTest {

    @Test
    void aValueHoldsAReferenceWhereverTheSchemeStandsInIt() {
        assertTrue(ReferenceSyntax.holdsReference("keyward://secrets/a".toCharArray()));
        assertTrue(ReferenceSyntax.holdsReference("prefix-keyward://".toCharArray()));
        assertFalse(ReferenceSyntax.holdsReference("keyward:/".toCharArray()));
        assertFalse(ReferenceSyntax.holdsReference("KEYWARD://secrets/a".toCharArray()));
        assertFalse(ReferenceSyntax.holdsReference(new char[0]));
    }

    @Test
    void bothKindsParse() throws Exception {
        assertEquals(new Reference.Secret("openai-prod"), Reference.parse("keyward://secrets/openai-prod"));
        assertEquals(new Reference.ProjectVariable("api", "OPENAI_API_KEY"),
                Reference.parse("keyward://projects/api/OPENAI_API_KEY"));
    }

    @Test
    void oddNamesArePercentEncodedAndDecoded() throws Exception {
        Reference slash = new Reference.Secret("web/API_KEY");
        assertEquals("keyward://secrets/web%2FAPI_KEY", slash.toString());
        assertEquals(slash, Reference.parse("keyward://secrets/web%2fAPI_KEY"));
        Reference spaced = new Reference.ProjectVariable("my project ü", "V");
        assertEquals("keyward://projects/my%20project%20%C3%BC/V", spaced.toString());
        assertEquals(spaced, Reference.parse(spaced.toString()));
        assertEquals(new Reference.Secret("a:b@c.d-e"), Reference.parse("keyward://secrets/a:b@c.d-e"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``|it is empty",
            "https://example.com|it does not start with 'keyward://'",
            "KEYWARD://secrets/x|in lowercase",
            "keyward://|names no kind",
            "keyward://vaults/x|'vaults' is not a kind of reference",
            "keyward://secrets|has 0 names after 'secrets/'",
            "keyward://secrets/|secret name is empty",
            "keyward://secrets/a/b|write a '/' inside a name as %2F",
            "keyward://projects/api|has 1 name after 'projects/'",
            "keyward://projects/api/|variable name is empty",
            "keyward://projects//VAR|project name is empty",
            "keyward://projects/a/B/C|has 3 names",
            "keyward://secrets/x?version=2|has a query",
            "keyward://secrets/x#frag|has a fragment",
            "keyward://secrets/a b|character 20 (U+0020) cannot stand",
            "keyward://secrets/a\"b|character 20 ('\"') cannot stand",
            "keyward://secrets/a%2|not followed by two hexadecimal digits",
            "keyward://secrets/a%zz|not followed by two hexadecimal digits",
            "keyward://secrets/a%FF|not UTF-8",
            "keyward://secrets/a%0Ab|control character",
            "keyward://secrets/-leading|not one a secret can have",
    })
    void malformedReferencesAreRefusedWithASentence(String text, String expected) {
        ReferenceSyntaxException e = assertThrows(ReferenceSyntaxException.class, () -> Reference.parse(text));
        assertTrue(e.reason().contains(expected), e.reason());
    }

    @Test
    void aReferenceLongerThanTheLimitIsRefused() {
        String text = "keyward://secrets/" + "a".repeat(ReferenceSyntax.MAX_LENGTH);
        ReferenceSyntaxException e = assertThrows(ReferenceSyntaxException.class, () -> Reference.parse(text));
        assertTrue(e.reason().contains("longer than 2048"), e.reason());
    }

    /** Random names (any Unicode, separators, percent signs) survive writing and parsing unchanged. */
    @Test
    void randomNamesRoundTrip() throws Exception {
        Random random = new Random(16);
        String alphabet = "aZ09-._~:@/%?# \"'=\\$ü€😀";
        for (int round = 0; round < 5_000; round++) {
            String project = randomName(random, alphabet);
            String variable = randomName(random, alphabet);
            Reference reference = new Reference.ProjectVariable(project, variable);
            String written = reference.toString();
            assertEquals(reference, Reference.parse(written), written);
            for (int i = ReferenceSyntax.SCHEME.length(); i < written.length(); i++) {
                assertTrue(ReferenceSyntax.continues(written.charAt(i)) && written.charAt(i) != '?'
                        && written.charAt(i) != '#', written);
            }
            String secret = "s" + randomName(random, "aZ09_.:@/-");
            assertEquals(new Reference.Secret(secret), Reference.parse(new Reference.Secret(secret).toString()));
        }
    }

    /** Random text after the scheme either parses to a reference that writes back the same way, or is refused. */
    @Test
    void randomTextParsesToACanonicalReferenceOrIsRefused() {
        Random random = new Random(61);
        String alphabet = "sepcrtojab/%2F0A9z_-:@?# ";
        for (int round = 0; round < 20_000; round++) {
            String text = "keyward://" + (random.nextBoolean() ? "secrets/" : "projects/")
                    + randomName(random, alphabet);
            try {
                Reference parsed = Reference.parse(text);
                assertEquals(parsed, Reference.parse(parsed.toString()), text);
            } catch (ReferenceSyntaxException e) {
                assertTrue(!e.reason().isBlank(), text);
            }
        }
    }

    private static String randomName(Random random, String alphabet) {
        int[] points = alphabet.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return out.toString();
    }
}
