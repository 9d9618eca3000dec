package dev.keyward.automation.discovery;

import dev.keyward.automation.feeds.StatusPageReader;
import dev.keyward.automation.net.FetchResult;
import dev.keyward.automation.net.SafeHttpFetcher;
import dev.keyward.automation.feeds.FeedParser;
import dev.keyward.automation.feeds.ParseResult;
import dev.keyward.automation.feeds.SearchAnswerParser;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches one source request and hands the body to the parser for its channel; a 304 reads as "no items".
 * Status pages go through {@link StatusPageReader}, which also serves pages that are not Statuspage; what it learnt
 * from a page's summary decides whether the incidents request is needed at all.
 */
final class SourceReader {

    private final SafeHttpFetcher fetcher;
    private final StatusPageReader statusPages;
    private final FeedParser feeds = new FeedParser();
    private final SearchAnswerParser searches = new SearchAnswerParser();
    private final Map<URI, StatusPageReader.Reading> pageReadings = new ConcurrentHashMap<>();

    SourceReader(SafeHttpFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.statusPages = new StatusPageReader(fetcher);
    }

    ParseResult read(SourceRequest request, ProviderSources sources) {
        return switch (request.channel()) {
            case STATUS_SUMMARY -> {
                StatusPageReader.Reading reading = statusPages.readSummary(sources.statusPageBase());
                pageReadings.put(sources.statusPageBase(), reading);
                yield reading.result();
            }
            case STATUS_INCIDENTS -> {
                StatusPageReader.Reading summary = pageReadings.remove(sources.statusPageBase());
                yield statusPages.readIncidents(sources.statusPageBase(), summary);
            }
            case CHANGELOG_FEED, WEB_SEARCH -> fetchAndParse(request);
        };
    }

    private ParseResult fetchAndParse(SourceRequest request) {
        FetchResult fetched = fetcher.fetch(request.url());
        return switch (fetched) {
            case FetchResult.Failed failed -> new ParseResult.Unreadable(failed.reason());
            case FetchResult.NotModified unchanged -> new ParseResult.Parsed(List.of(), 0);
            case FetchResult.Fetched document -> {
                ParseResult parsed = request.channel() == SourceChannel.CHANGELOG_FEED
                        ? feeds.parse(document.body(), request.url()) : searches.parse(document.body());
                if (parsed instanceof ParseResult.Unreadable) {
                    fetcher.forgetValidators(request.url());
                }
                yield parsed;
            }
        };
    }
}
