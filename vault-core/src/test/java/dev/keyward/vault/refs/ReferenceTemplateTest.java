package dev.keyward.vault.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding references in a text, where they stand, and putting values in their place. */
class ReferenceTemplateTest {

    private static final Reference A = new Reference.Secret("a");
    private static final Reference KEY = new Reference.ProjectVariable("api", "KEY");

    @Test
    void referencesAreFoundWithTheirLineAndColumnAndEndAtTheFirstForeignCharacter() {
        String text = "url: \"keyward://secrets/a\"\n  key=keyward://projects/api/KEY, again keyward://secrets/a\n";
        ReferenceTemplate template = ReferenceTemplate.of(text, "config.yml");
        List<ReferenceTemplate.Occurrence> found = template.occurrences();
        assertEquals(3, found.size());
        assertEquals(new ReferenceTemplate.Occurrence(A, 6, 25, 1, 7), found.get(0));
        assertEquals(KEY, found.get(1).reference());
        assertEquals(2, found.get(1).line());
        assertEquals(7, found.get(1).column());
        assertEquals(List.of(A, KEY), List.copyOf(template.references()));
        assertEquals("line 1, column 7", template.firstPlace(A));
    }

    @Test
    void valuesArePutInEveryPlaceAndTheRestIsKept() {
        String text = "A=keyward://secrets/a\nB=keyward://projects/api/KEY\nC=keyward://secrets/a!";
        Map<Reference, char[]> values = new HashMap<>(Map.of(A, "alpha".toCharArray(), KEY, "".toCharArray()));
        char[] out = ReferenceTemplate.of(text, "t").render(values);
        assertEquals("A=alpha\nB=\nC=alpha!", new String(out));
    }

    @Test
    void aMalformedReferenceNamesItsLineAndColumn() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ReferenceTemplate.of("ok\nx = keyward://secrets/a?raw=1\n", "app.conf"));
        assertTrue(e.getMessage().startsWith("app.conf, line 2, column 5: this keyward:// reference is malformed:"
                + " it has a query"), e.getMessage());
    }

    @Test
    void aHundredThousandReferencesToAFewSecretsAreListedOnce() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("v").append(i).append("=keyward://secrets/s").append(i % 7).append('\n');
        }
        ReferenceTemplate template = ReferenceTemplate.of(text, "big.env");
        assertEquals(100_000, template.occurrences().size());
        assertEquals(7, template.references().size());
        assertEquals(100_000, template.occurrences().get(99_999).line());
    }

    @Test
    void moreDistinctReferencesThanTheLimitAreRefusedBeforeAnythingIsResolved() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("keyward://secrets/s").append(i).append('\n');
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ReferenceTemplate.of(text, "huge.txt"));
        assertTrue(e.getMessage().contains("more than 1000 distinct keyward:// references")
                && e.getMessage().contains("line 1001"), e.getMessage());
    }

    @Test
    void aTextWithoutReferencesRendersUnchanged() {
        ReferenceTemplate template = ReferenceTemplate.of("keyward:/ not one, keyward: nor this", "t");
        assertEquals(0, template.occurrences().size());
        assertEquals("keyward:/ not one, keyward: nor this", new String(template.render(Map.of())));
    }
}
