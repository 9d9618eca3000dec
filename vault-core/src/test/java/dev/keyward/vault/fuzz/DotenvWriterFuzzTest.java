package dev.keyward.vault.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.vault.env.DotenvEntries;
import dev.keyward.vault.env.UnrepresentableValueException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * Any keys and values: the writer either refuses (naming the key, never quoting the value) or writes
 * text that the parser reads back to exactly those keys and values, in order.
 *
 * <p>Input layout: NUL-separated key, value, key, value... (UTF-8), so seeds are readable text.
 */
class DotenvWriterFuzzTest {

    private static final Pattern DISTINCTIVE = Pattern.compile("[^A-Za-z _.,;:()'\"-]");

    @FuzzTest(maxDuration = "60s")
    void whatIsWrittenReadsBackUnchangedOrIsRefused(byte[] input) throws Exception {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\0", -1);
        SequencedMap<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            values.putIfAbsent(parts[i], parts[i + 1]);
        }
        String text;
        try {
            text = DotenvEntries.render(values);
        } catch (UnrepresentableValueException refused) {
            String value = values.get(refused.key());
            // A value made only of letters and punctuation may coincide with the message's own words
            // ("__proto__", "A-Z and a-z"); anything with another character would be a quote.
            if (value != null && value.length() >= 8 && !refused.key().contains(value)
                    && DISTINCTIVE.matcher(value).find()) {
                assertFalse(refused.getMessage().contains(value), "the refusal quotes the value");
            }
            return;
        }
        List<DotenvEntries.Entry> reread = DotenvEntries.parse(text);
        assertEquals(List.copyOf(values.keySet()), reread.stream().map(DotenvEntries.Entry::key).toList());
        assertEquals(List.copyOf(values.values()), reread.stream().map(DotenvEntries.Entry::value).toList());
    }
}
