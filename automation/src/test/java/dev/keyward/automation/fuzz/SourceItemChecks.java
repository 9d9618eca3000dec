package dev.keyward.automation.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.feeds.ParseResult;
import dev.keyward.automation.feeds.PlainText;
import dev.keyward.automation.feeds.SourceItem;
import dev.keyward.automation.feeds.WebAddresses;
import java.net.URI;

/** What every source parser promises about its result, whatever the document held. */
final class SourceItemChecks {

    private SourceItemChecks() {
    }

    static void check(ParseResult result, int maxItems) {
        assertNotNull(result);
        switch (result) {
            case ParseResult.Unreadable unreadable -> assertFalse(unreadable.reason().isBlank());
            case ParseResult.Parsed parsed -> {
                assertTrue(parsed.items().size() <= maxItems, "at most " + maxItems + " items");
                assertTrue(parsed.skipped() >= 0);
                parsed.items().forEach(SourceItemChecks::checkItem);
            }
        }
    }

    private static void checkItem(SourceItem item) {
        assertTrue(WebAddresses.isWeb(URI.create(item.url())), "an http(s) address with a host");
        assertFalse(item.title().isEmpty(), "a title");
        assertTrue(item.title().length() <= PlainText.TITLE_MAX, "title capped");
        assertTrue(item.text().length() <= PlainText.SNIPPET_MAX, "snippet capped");
        assertPlain(item.title());
        assertPlain(item.text());
    }

    /** Single-line text without control or format characters (bidi overrides included). */
    private static void assertPlain(String text) {
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            assertTrue(type != Character.CONTROL && type != Character.FORMAT, "plain text only");
        });
    }
}
