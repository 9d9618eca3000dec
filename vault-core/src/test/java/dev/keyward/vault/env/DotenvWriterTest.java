package dev.keyward.vault.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

class DotenvWriterTest {

    /** Characters that stress dotenv's quoting: every quote, comment and escape character. */
    private static final String[] ALPHABET = {"a", "Z", "7", " ", "\t", "#", "\"", "'", "`", "\\", "n",
            "r", "\n", "\r", "=", ":", "$", "{", "-", "é", "中", "😀", "\u00A0", "\uFEFF", "\u2028"};

    @Test
    void plainValuesAreWrittenUnquoted() throws UnrepresentableValueException {
        assertEquals("PORT=8080", DotenvEntries.renderLine("PORT", "8080"));
        assertEquals("EMPTY=", DotenvEntries.renderLine("EMPTY", ""));
        assertEquals("URL=https://x.test/?a=b&c='d'", DotenvEntries.renderLine("URL", "https://x.test/?a=b&c='d'"));
    }

    @Test
    void valuesWithSpacesHashesOrLineBreaksGetDoubleQuotes() throws UnrepresentableValueException {
        assertEquals("A=\" padded \"", DotenvEntries.renderLine("A", " padded "));
        assertEquals("A=\"x # y\"", DotenvEntries.renderLine("A", "x # y"));
        assertEquals("A=\"one\\ntwo\\r\"", DotenvEntries.renderLine("A", "one\ntwo\r"));
        assertEquals("A=\"'quoted'\"", DotenvEntries.renderLine("A", "'quoted'"));
    }

    @Test
    void valuesWithDoubleQuotesGetSingleQuotesThenBackticksWhenTheyNeedQuoting() throws UnrepresentableValueException {
        assertEquals("A=say \"hi\"", DotenvEntries.renderLine("A", "say \"hi\""));
        assertEquals("A='say \"hi\" # x'", DotenvEntries.renderLine("A", "say \"hi\" # x"));
        assertEquals("A='line\none \"q\"'", DotenvEntries.renderLine("A", "line\none \"q\""));
        assertEquals("A=`\"it's\" # x`", DotenvEntries.renderLine("A", "\"it's\" # x"));
        assertEquals("A='C:\\new # x'", DotenvEntries.renderLine("A", "C:\\new # x"));
    }

    @Test
    void refusesAValueNoQuotingCanCarryAndExplainsWithoutShowingIt() {
        String value = "Zq8v \"a\" 'b' `c` # note";
        UnrepresentableValueException refused = assertThrows(UnrepresentableValueException.class,
                () -> DotenvEntries.renderLine("MIXED", value));
        assertEquals("MIXED", refused.key());
        assertTrue(refused.getMessage().contains("double quotes: the value contains \" itself"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("backticks"), refused.getMessage());
        assertFalse(refused.getMessage().contains("Zq8v"), refused.getMessage());
    }

    @Test
    void refusesATrailingBackslashThatNoQuotingCanCarry() {
        assertThrows(UnrepresentableValueException.class, () -> DotenvEntries.renderLine("A", "x # ends with \\"));
    }

    @Test
    void refusesKeysDotenvCannotReadWithoutEchoingThem() {
        for (String key : List.of("", "MY KEY", "KÉY", "__proto__", "sk-live Zq8v")) {
            UnrepresentableValueException refused = assertThrows(UnrepresentableValueException.class,
                    () -> DotenvEntries.renderLine(key, "v"));
            assertFalse(refused.getMessage().contains("Zq8v"), refused.getMessage());
        }
    }

    @Test
    void parsedEntriesRenderBackToTheSameEntries() throws Exception {
        String text = "A=1\nB='x y'\nC=\"m\\nl\"\n";
        List<DotenvEntries.Entry> entries = DotenvEntries.parse(text);
        assertEquals(entries, DotenvEntries.parse(DotenvEntries.render(entries)));
    }

    @Test
    void randomValuesRoundTripOneByOne() throws Exception {
        Random random = new Random(20240611L);
        int written = 0;
        for (int i = 0; i < 5000; i++) {
            String value = randomValue(random);
            Optional<DotenvQuoting> style = DotenvQuoting.choose(value);
            if (style.isEmpty()) {
                assertTrue(noQuotingCanCarry(value), "refused a value some quoting could carry, length "
                        + value.length());
                continue;
            }
            written++;
            String text = DotenvEntries.renderLine("K", value);
            List<DotenvEntries.Entry> back = DotenvEntries.parse(text);
            assertEquals(1, back.size(), () -> "style " + style.get());
            assertEquals(value, back.get(0).value(), () -> "style " + style.get());
        }
        // Most random values are representable; a writer that refuses everything must fail here.
        assertTrue(written > 4000, "only " + written + " of 5000 values were written");
    }

    @Test
    void randomValuesRoundTripTogetherInOneFile() throws Exception {
        Random random = new Random(7L);
        SequencedMap<String, String> values = new LinkedHashMap<>();
        for (int i = 0; values.size() < 2000; i++) {
            String value = randomValue(random);
            if (DotenvQuoting.choose(value).isPresent()) {
                values.put(randomKey(random, i), value);
            }
        }
        List<DotenvEntries.Entry> back = DotenvEntries.parse(DotenvEntries.render(values));
        List<String> keys = new ArrayList<>();
        for (DotenvEntries.Entry entry : back) {
            keys.add(entry.key());
            assertEquals(values.get(entry.key()), entry.value(), entry.key());
        }
        assertEquals(List.copyOf(values.keySet()), keys);
    }

    /** Independent of the writer: dotenv has no escapes, so these combinations block every quoting. */
    private static boolean noQuotingCanCarry(String value) {
        boolean trailingBackslash = value.endsWith("\\");
        boolean doubleBlocked = trailingBackslash || value.contains("\"") || value.contains("\\n")
                || value.contains("\\r");
        boolean singleBlocked = trailingBackslash || value.contains("'") || value.contains("\r");
        boolean backtickBlocked = trailingBackslash || value.contains("`") || value.contains("\r");
        return doubleBlocked && singleBlocked && backtickBlocked;
    }

    private static String randomValue(Random random) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(14);
        for (int i = 0; i < length; i++) {
            value.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return value.toString();
    }

    private static String randomKey(Random random, int i) {
        String[] stems = {"KEY", "app.port", "my-key", "export", "_x", "9"};
        return stems[random.nextInt(stems.length)] + "_" + i;
    }
}
