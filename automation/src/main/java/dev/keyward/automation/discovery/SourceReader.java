package dev.keyward.automation.discovery;

import dev.keyward.automation.discovery.fetch.FetchResult;
import dev.keyward.automation.discovery.fetch.SafeHttpFetcher;
import dev.keyward.automation.discovery.source.FeedParser;
import dev.keyward.automation.discovery.source.ParseResult;
import dev.keyward.automation.discovery.source.SearchAnswerParser;
import dev.keyward.automation.discovery.source.StatuspageParser;

import java.util.List;
import java.util.Objects;

/** Fetches one source request and hands the body to the parser for its channel; a 304 reads as "no items". */
final class SourceReader {

    private final SafeHttpFetcher fetcher;
    private final FeedParser feeds = new FeedParser();
    private final StatuspageParser statusPages = new StatuspageParser();
    private final SearchAnswerParser searches = new SearchAnswerParser();

    SourceReader(SafeHttpFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    ParseResult read(SourceRequest request, ProviderSources sources) {
        FetchResult fetched = fetcher.fetch(request.url());
        return switch (fetched) {
            case FetchResult.Failed failed -> new ParseResult.Unreadable(failed.reason());
            case FetchResult.NotModified unchanged -> new ParseResult.Parsed(List.of(), 0);
            case FetchResult.Fetched document -> {
                ParseResult parsed = parse(request, sources, document.body());
                if (parsed instanceof ParseResult.Unreadable) {
                    fetcher.forgetValidators(request.url());
                }
                yield parsed;
            }
        };
    }

    private ParseResult parse(SourceRequest request, ProviderSources sources, String body) {
        return switch (request.channel()) {
            case STATUS_SUMMARY -> statusPages.parseSummary(body, sources.statusPageHome());
            case STATUS_INCIDENTS -> statusPages.parseIncidents(body, sources.statusPageHome());
            case CHANGELOG_FEED -> feeds.parse(body, request.url());
            case WEB_SEARCH -> searches.parse(body);
        };
    }
}
