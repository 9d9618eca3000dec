package dev.keyward.automation.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.automation.feeds.SearchAnswerParser;
import java.nio.charset.StandardCharsets;

/** Any text as a SearXNG JSON answer: items or an unreadable result, never an exception. */
class SearchAnswerParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anySearchAnswerIsItemsOrUnreadable(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        SourceItemChecks.check(new SearchAnswerParser().parse(json), SearchAnswerParser.MAX_ITEMS);
    }
}
