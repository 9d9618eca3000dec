package dev.keyward.vault.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.vault.env.DotenvEntries;
import dev.keyward.vault.env.DotenvSyntaxException;
import dev.keyward.vault.env.UnrepresentableValueException;
import java.nio.charset.StandardCharsets;
import java.util.List;

class DotenvParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyTextIsReadOrRefusedAndWhatIsReadWritesBack(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        List<DotenvEntries.Entry> entries;
        try {
            entries = DotenvEntries.parse(text);
        } catch (DotenvSyntaxException refused) {
            return;
        }
        String written;
        try {
            written = DotenvEntries.render(entries);
        } catch (UnrepresentableValueException unwritable) {
            return;
        }
        List<DotenvEntries.Entry> reread = DotenvEntries.parse(written);
        assertEquals(entries.size(), reread.size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(entries.get(i).key(), reread.get(i).key());
            assertEquals(entries.get(i).value(), reread.get(i).value(), "value of " + entries.get(i).key());
        }
    }
}
