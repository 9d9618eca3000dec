package dev.keyward.automation.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.keyward.automation.discovery.Fixtures;
import dev.keyward.automation.feeds.ParseResult.Parsed;
import dev.keyward.automation.feeds.ParseResult.Unreadable;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchAnswerParserTest {

    private final SearchAnswerParser parser = new SearchAnswerParser();

    @Test
    void resultsWithWebAddressesBecomeItems() {
        Parsed parsed = assertInstanceOf(Parsed.class, parser.parse(Fixtures.read("searxng-answer.json")));

        assertEquals(List.of("https://news.example.org/2026/04/acme-ai-alternatives?utm_source=searx",
                        "https://blog.example.net/acme-legacy-completions-shutdown",
                        "https://forum.example.com/t/acme-ai-outage-today/8812"),
                parsed.items().stream().map(SourceItem::url).toList());
        assertEquals(2, parsed.skipped(), "the javascript: result and the one without an address");
    }

    @Test
    void contentIsPlainTextAndDatesAreReadWhenPresent() {
        Parsed parsed = assertInstanceOf(Parsed.class, parser.parse(Fixtures.read("searxng-answer.json")));

        SourceItem first = parsed.items().get(0);
        assertEquals("We compared five open-source models against Acme AI on cost, latency and quality \u2014 two of"
                + " them beat it on price.", first.text());
        assertEquals(Instant.parse("2026-04-26T00:00:00Z"), first.publishedAt());
        assertNull(parsed.items().get(1).publishedAt());
        assertEquals(SourceKind.WEB_SEARCH, first.sourceKind());
    }

    @Test
    void answersWithoutAResultsListAreUnreadable() {
        assertInstanceOf(Unreadable.class, parser.parse("{\"query\": \"x\"}"));
        assertInstanceOf(Unreadable.class, parser.parse("{\"results\": {\"url\": \"https://x.example\"}}"));
        assertInstanceOf(Unreadable.class, parser.parse("{\"results\": [ {\"url\": "));
        assertInstanceOf(Unreadable.class, parser.parse("<html>captcha</html>"));
    }
}
