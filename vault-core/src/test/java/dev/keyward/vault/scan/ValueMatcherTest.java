package dev.keyward.vault.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sampled prefilter in front of the automaton finds exactly what the automaton alone finds: random
 * texts with every form of every value planted at random places (at the very start and end too, next
 * to each other, overlapping, and cut short), for several shortest-form lengths (so several strides).
 */
class ValueMatcherTest {

    /** Characters of one to four UTF-8 bytes, and those JSON, URL and CRLF forms encode. */
    private static final String ALPHABET = "abcdefXYZ0123456789-_+/=%\\\"é€😀 \n";

    private record Planted(int start, int end) {
    }

    @Test
    void thePrefilterFindsEveryOccurrenceTheAutomatonAloneFinds() {
        Random random = new Random(20261205);
        for (int round = 0; round < 300; round++) {
            int minValueLength = new int[] {4, 5, 8, 12, 30}[round % 5];
            List<char[]> values = new ArrayList<>();
            try (KnownValues known = KnownValues.none()) {
                int count = 1 + random.nextInt(6);
                for (int v = 0; v < count; v++) {
                    char[] value = randomText(random, minValueLength + random.nextInt(20)).toCharArray();
                    values.add(value);
                    known.add(new KnownValue("S" + v, 1 + random.nextInt(3), random.nextBoolean(), ""), value);
                }
                ValueMatcher matcher = ValueMatcher.of(known, minValueLength);
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                List<Planted> planted = new ArrayList<>();
                int pieces = 1 + random.nextInt(12);
                for (int p = 0; p < pieces; p++) {
                    if (random.nextInt(4) > 0) { // else two forms next to each other, or one at the very start
                        text.writeBytes(randomText(random, random.nextInt(40)).getBytes(StandardCharsets.UTF_8));
                    }
                    char[] value = values.get(random.nextInt(values.size()));
                    List<ValueForms.Form> forms = ValueForms.of(value);
                    byte[] form = forms.get(random.nextInt(forms.size())).bytes();
                    if (random.nextInt(5) == 0) { // cut short: no occurrence, but the prefilter's windows may match
                        text.write(form, 0, random.nextInt(form.length));
                    } else if (form.length >= Math.max(4, minValueLength)) {
                        planted.add(new Planted(text.size(), text.size() + form.length));
                        text.writeBytes(form);
                    }
                }
                if (random.nextBoolean()) { // else one ends the text
                    text.writeBytes(randomText(random, random.nextInt(10)).getBytes(StandardCharsets.UTF_8));
                }
                byte[] bytes = text.toByteArray();
                List<ValueMatcher.Match> sampled = new ArrayList<>();
                matcher.find(bytes, bytes.length, sampled::add);
                List<ValueMatcher.Match> whole = new ArrayList<>();
                matcher.findWithoutPrefilter(bytes, bytes.length, whole::add);
                for (Planted p : planted) {
                    assertTrue(sampled.stream().anyMatch(m -> m.start() == p.start() && m.end() == p.end()),
                            "round " + round + ": a planted form at " + p + " was dropped");
                }
                Comparator<ValueMatcher.Match> order = Comparator.comparingInt(ValueMatcher.Match::start)
                        .thenComparingInt(ValueMatcher.Match::end)
                        .thenComparing(m -> m.needle().owner().secretName() + m.needle().owner().version() + m.needle().encoding());
                for (int i = 1; i < sampled.size(); i++) {
                    assertTrue(sampled.get(i - 1).start() <= sampled.get(i).start(), "round " + round + ": matches out of order");
                }
                assertEquals(whole.stream().sorted(order).toList(), sampled.stream().sorted(order).toList(), "round " + round);
            }
        }
    }

    @Test
    void aFormAtEveryOffsetOfALongTextIsFoundOnce() {
        String value = "kw-prefilter-value-58e1";
        try (KnownValues known = KnownValues.none().add(new KnownValue("T", 1, true, ""), value.toCharArray())) {
            ValueMatcher matcher = ValueMatcher.of(known);
            for (ValueForms.Form form : ValueForms.of(value.toCharArray())) {
                for (int at = 0; at < 24; at++) {
                    int offset = at;
                    byte[] bytes = new byte[offset + form.bytes().length + 24 - offset];
                    java.util.Arrays.fill(bytes, (byte) 'q');
                    System.arraycopy(form.bytes(), 0, bytes, offset, form.bytes().length);
                    List<ValueMatcher.Match> found = new ArrayList<>();
                    matcher.find(bytes, bytes.length, found::add);
                    assertEquals(1, found.stream().filter(m -> m.start() == offset && m.needle().encoding() == form.encoding()
                            && m.end() == offset + form.bytes().length).count(), form.encoding() + " at " + offset);
                }
            }
        }
    }

    private static String randomText(Random random, int codePoints) {
        StringBuilder out = new StringBuilder();
        int[] alphabet = ALPHABET.codePoints().toArray();
        for (int i = 0; i < codePoints; i++) {
            out.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        return out.toString();
    }
}
