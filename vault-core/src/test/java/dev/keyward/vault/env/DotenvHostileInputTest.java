package dev.keyward.vault.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs that made the parser slow; found while writing its fuzz test, whose short inputs cannot show it. */
class DotenvHostileInputTest {

    /**
     * Every escaped quote on the line is a possible end of the value, and each used to look for its
     * line end from scratch: 200,000 of them took seconds, a few MB minutes. Now the line is read once.
     */
    @Test
    void aLongRunOfEscapedQuotesIsRefusedWithoutRereadingTheLine() {
        String text = "A=\"" + "\\\"".repeat(300_000) + " tail\n";

        DotenvSyntaxException refused = assertThrows(DotenvSyntaxException.class, () -> DotenvEntries.parse(text));

        assertEquals(1, refused.line());
    }

    @Test
    void aLongRunOfEscapedQuotesThatIsClosedIsRead() throws DotenvSyntaxException {
        String text = "A=\"" + "\\\"".repeat(300_000) + "\" # comment\nB=2\n";

        List<DotenvEntries.Entry> entries = DotenvEntries.parse(text);

        assertEquals("\\\"".repeat(300_000), entries.get(0).value());
        assertEquals("2", entries.get(1).value());
    }
}
