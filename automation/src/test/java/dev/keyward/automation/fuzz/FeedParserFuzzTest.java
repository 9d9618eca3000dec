package dev.keyward.automation.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.automation.feeds.FeedParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Any text as an RSS or Atom feed: items or an unreadable-feed result, never an exception. */
class FeedParserFuzzTest {

    private static final URI FEED = URI.create("https://status.example.com/changelog.rss");

    @FuzzTest(maxDuration = "60s")
    void anyFeedTextIsItemsOrUnreadable(byte[] input) {
        String xml = new String(input, StandardCharsets.UTF_8);
        SourceItemChecks.check(new FeedParser().parse(xml, FEED), FeedParser.MAX_ITEMS);
    }
}
