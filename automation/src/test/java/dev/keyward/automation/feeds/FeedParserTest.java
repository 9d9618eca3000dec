package dev.keyward.automation.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.io.FeedException;
import dev.keyward.automation.discovery.Fixtures;
import dev.keyward.automation.discovery.LoopbackServer;
import dev.keyward.automation.feeds.ParseResult.Parsed;
import dev.keyward.automation.feeds.ParseResult.Unreadable;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    private static final URI RSS_URL = URI.create("https://docs.acme-ai.example/changelog/rss.xml");
    private static final URI ATOM_URL = URI.create("https://betacloud.example/release-notes/atom.xml");

    private final FeedParser parser = new FeedParser();

    @Test
    void rssChangelogBecomesPlainTextItems() {
        Parsed parsed = assertInstanceOf(Parsed.class, parser.parse(Fixtures.read("changelog-rss.xml"), RSS_URL));

        List<SourceItem> items = parsed.items();
        assertEquals(4, items.size());
        assertEquals(1, parsed.skipped(), "the entry with neither link nor title");
        SourceItem deprecation = items.get(0);
        assertEquals("Deprecating the legacy /v1/completions endpoint", deprecation.title());
        assertEquals("https://docs.acme-ai.example/changelog/legacy-completions-deprecation"
                + "?utm_source=rss&utm_medium=feed", deprecation.url());
        assertTrue(deprecation.text().startsWith("The legacy /v1/completions endpoint is deprecated and will be shut"
                + " down on 2026-05-20."), deprecation.text());
        assertFalse(deprecation.text().contains("<"), deprecation.text());
        assertEquals(Instant.parse("2026-04-30T16:00:00Z"), deprecation.publishedAt());
        assertEquals(SourceKind.CHANGELOG_FEED, deprecation.sourceKind());
    }

    @Test
    void relativeEntryLinksResolveAgainstTheFeedAddress() {
        Parsed parsed = assertInstanceOf(Parsed.class, parser.parse(Fixtures.read("changelog-rss.xml"), RSS_URL));

        assertEquals("https://docs.acme-ai.example/changelog/tier-2-rate-limits", parsed.items().get(3).url());
        assertEquals("Tier 2 organisations now get 5,000 requests per minute on the chat endpoint & 2,000 on images.",
                parsed.items().get(3).text());
    }

    @Test
    void atomFeedIsReadIncludingXhtmlContent() {
        Parsed parsed = assertInstanceOf(Parsed.class, parser.parse(Fixtures.read("changelog-atom.xml"), ATOM_URL));

        assertEquals(3, parsed.items().size());
        assertEquals(1, parsed.skipped(), "the entry without a web link");
        SourceItem advisory = parsed.items().get(0);
        assertEquals("Security advisory: API keys written to client SDK debug logs", advisory.title());
        assertEquals("https://betacloud.example/security/bcsa-2026-004", advisory.url());
        assertTrue(advisory.text().contains("Keys may have been leaked"), advisory.text());
        assertEquals(Instant.parse("2026-04-29T18:00:00Z"), advisory.publishedAt());
        assertTrue(parsed.items().get(1).text().contains("retired on 1 Jul 2026"), parsed.items().get(1).text());
    }

    @Test
    void malformedXmlIsUnreadableNotAnException() {
        Unreadable unreadable = assertInstanceOf(Unreadable.class,
                parser.parse(Fixtures.read("malformed-rss.xml"), RSS_URL));

        assertTrue(unreadable.reason().contains("not a readable RSS or Atom"), unreadable.reason());
    }

    @Test
    void nonFeedDocumentsAreUnreadable() {
        assertInstanceOf(Unreadable.class, parser.parse("<html><body>Not a feed</body></html>", RSS_URL));
        assertInstanceOf(Unreadable.class, parser.parse("{\"json\": true}", RSS_URL));
        assertInstanceOf(Unreadable.class, parser.parse("", RSS_URL));
        assertInstanceOf(Unreadable.class, parser.parse("\u0000\u0001\u0002 binary junk", RSS_URL));
    }

    @Test
    void externalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER");
        String xxe = Fixtures.read("xxe-file-entity.xml").replace("{{FILE}}", secret.toUri().toString());

        ParseResult result = parser.parse(xxe, RSS_URL);

        Unreadable unreadable = assertInstanceOf(Unreadable.class, result);
        assertTrue(unreadable.reason().contains("DOCTYPE"), unreadable.reason());
        assertFalse(result.toString().contains("TOP-SECRET-MARKER"));
    }

    @Test
    void romeItselfRefusesDoctypesSoThePreCheckIsNotTheOnlyGuard(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER");
        String xxe = Fixtures.read("xxe-file-entity.xml").replace("{{FILE}}", secret.toUri().toString());

        assertThrows(FeedException.class, () -> FeedParser.readWithRome(xxe));
    }

    @Test
    void remoteDtdIsNeverFetched() {
        try (LoopbackServer server = LoopbackServer.start()) {
            server.serve("/evil.dtd", "application/xml-dtd", "<!ENTITY leak SYSTEM \"file:///etc/hostname\">");
            String xxe = Fixtures.read("xxe-remote-dtd.xml").replace("{{BASE}}", server.base());

            assertInstanceOf(Unreadable.class, parser.parse(xxe, RSS_URL));
            assertThrows(FeedException.class, () -> FeedParser.readWithRome(xxe));
            assertEquals(0, server.totalHits());
        }
    }

    @Test
    void entriesWithJavascriptLinksAreSkipped() {
        String feed = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>t</title><link>https://x.example</link><description>d</description>
                <item><title>Looks normal</title><link>javascript:alert(1)</link><description>x</description></item>
                <item><title>Data link</title><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
                <item><title>Fine</title><link>https://x.example/fine</link></item>
                </channel></rss>
                """;

        Parsed parsed = assertInstanceOf(Parsed.class, parser.parse(feed, RSS_URL));

        assertEquals(List.of("https://x.example/fine"), parsed.items().stream().map(SourceItem::url).toList());
        assertEquals(2, parsed.skipped());
    }

    @Test
    void longTitlesAndDescriptionsAreCapped() {
        String feed = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>t</title><link>https://x.example</link><description>d</description>
                <item><title>%s</title><link>https://x.example/long</link><description>%s</description></item>
                </channel></rss>
                """.formatted("T".repeat(5000), "word ".repeat(20000));

        Parsed parsed = assertInstanceOf(Parsed.class, parser.parse(feed, RSS_URL));

        SourceItem item = parsed.items().get(0);
        assertEquals(PlainText.TITLE_MAX, item.title().length());
        assertTrue(item.text().length() <= PlainText.SNIPPET_MAX, "snippet length " + item.text().length());
        assertTrue(item.text().endsWith("\u2026"));
    }

    @Test
    void feedsWithThousandsOfEntriesAreReadUpToTheItemLimit() {
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://x.example</link><description>d</description>");
        for (int i = 0; i < 1500; i++) {
            feed.append("<item><title>Entry ").append(i).append("</title><link>https://x.example/").append(i)
                    .append("</link></item>");
        }
        feed.append("</channel></rss>");

        Parsed parsed = assertInstanceOf(Parsed.class, parser.parse(feed.toString(), RSS_URL));

        assertEquals(FeedParser.MAX_ITEMS, parsed.items().size());
        assertEquals(1500 - FeedParser.MAX_ITEMS, parsed.skipped());
    }
}
