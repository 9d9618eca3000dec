package dev.keyward.automation.feeds;

import dev.keyward.automation.net.FetchResult;
import dev.keyward.automation.net.SafeHttpFetcher;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a provider's status page whatever hosts it, for discovery and for the dashboard alike. It asks for the
 * Statuspage-compatible {@code /api/v2/summary.json} first (Atlassian Statuspage, and hosts such as incident.io
 * that serve the same shape); when the page has none, it reads the page itself and follows the RSS or Atom incident
 * feed the page announces. A page offering neither is reported as not understood, never as operational.
 */
public final class StatusPageReader {

    /** How a status page was read. */
    public enum Format {
        /** The Statuspage v2 JSON API. */
        STATUSPAGE_JSON,
        /** An RSS or Atom incident history. */
        INCIDENT_FEED,
        /** The page answered, but offers nothing Keyward reads; its state is unknown. */
        NOT_UNDERSTOOD
    }

    /**
     * What reading a page's current state produced: the parse result and the format it was read in (null when the
     * page could not be reached at all, so its format is still unknown).
     */
    public record Reading(ParseResult result, Format format) {
        public Reading {
            Objects.requireNonNull(result, "result");
        }
    }

    private static final String API = "/api/v2";

    private final SafeHttpFetcher fetcher;
    private final StatuspageParser statuspage = new StatuspageParser();
    private final StatusFeedParser feeds = new StatusFeedParser();

    public StatusPageReader(SafeHttpFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * The page's current state from its configured address: a page base ({@code https://status.example.com}), its
     * API base, a {@code summary.json} address, or a feed address ({@code .../history.atom}).
     */
    public Reading readSummary(URI configured) {
        URI home = home(configured);
        if (isFeedAddress(configured)) {
            return readFeed(configured);
        }
        URI summary = summaryUrl(configured);
        FetchResult fetched = fetcher.fetch(summary);
        switch (fetched) {
            case FetchResult.NotModified unchanged -> {
                return new Reading(new ParseResult.Parsed(List.of(), 0), Format.STATUSPAGE_JSON);
            }
            case FetchResult.Fetched document -> {
                ParseResult parsed = statuspage.parseSummary(document.body(), home);
                if (parsed instanceof ParseResult.Parsed) {
                    return new Reading(parsed, Format.STATUSPAGE_JSON);
                }
                fetcher.forgetValidators(summary);
            }
            case FetchResult.Failed failed -> {
                // A host that is down or unreachable says nothing about the page's format; only a refusal of the
                // JSON address (404, 403, 410...) means the page may publish another way.
                if (!failed.answered() || failed.httpStatus() >= 500) {
                    return new Reading(new ParseResult.Unreadable(failed.reason()), null);
                }
            }
        }
        return readPage(home);
    }

    /**
     * The page's recent incidents: {@code incidents.json} for a Statuspage page. A feed page gave them with its
     * summary, and a page not understood already said so once; neither is asked again.
     */
    public ParseResult readIncidents(URI configured, Reading summary) {
        if (summary != null && (summary.format() == Format.INCIDENT_FEED || summary.format() == Format.NOT_UNDERSTOOD)) {
            return new ParseResult.Parsed(List.of(), 0);
        }
        URI incidents = URI.create(api(configured) + "/incidents.json");
        return switch (fetcher.fetch(incidents)) {
            case FetchResult.Failed failed -> new ParseResult.Unreadable(failed.reason());
            case FetchResult.NotModified unchanged -> new ParseResult.Parsed(List.of(), 0);
            case FetchResult.Fetched document -> {
                ParseResult parsed = statuspage.parseIncidents(document.body(), home(configured));
                if (parsed instanceof ParseResult.Unreadable) {
                    fetcher.forgetValidators(incidents);
                }
                yield parsed;
            }
        };
    }

    /** The {@code summary.json} address discovery asks first for a page configured as {@code configured}. */
    public static URI summaryUrl(URI configured) {
        String text = configured.toString();
        return text.toLowerCase(Locale.ROOT).endsWith(".json") ? configured : URI.create(api(configured) + "/summary.json");
    }

    private Reading readPage(URI home) {
        // The page is fetched afresh: a 304 would hide which feed it announces.
        fetcher.forgetValidators(home);
        FetchResult page = fetcher.fetch(home);
        if (page instanceof FetchResult.Failed failed) {
            return new Reading(new ParseResult.Unreadable(notUnderstood(home) + " Reading the page itself failed: "
                    + failed.reason()), null);
        }
        if (!(page instanceof FetchResult.Fetched document)) {
            return new Reading(new ParseResult.Unreadable(notUnderstood(home)), Format.NOT_UNDERSTOOD);
        }
        String body = document.body();
        if (StatusFeedParser.looksLikeFeed(body)) {
            return new Reading(feeds.parse(body, home), Format.INCIDENT_FEED);
        }
        if (body.stripLeading().startsWith("{")) {
            ParseResult parsed = statuspage.parseSummary(body, home);
            return parsed instanceof ParseResult.Parsed ? new Reading(parsed, Format.STATUSPAGE_JSON)
                    : new Reading(new ParseResult.Unreadable(notUnderstood(home)), Format.NOT_UNDERSTOOD);
        }
        Optional<URI> feed = StatusPageLinks.incidentFeed(body, home);
        return feed.isPresent() ? readFeed(feed.get())
                : new Reading(new ParseResult.Unreadable(notUnderstood(home)), Format.NOT_UNDERSTOOD);
    }

    private Reading readFeed(URI feed) {
        return switch (fetcher.fetch(feed)) {
            case FetchResult.Failed failed -> new Reading(new ParseResult.Unreadable(failed.reason()),
                    Format.INCIDENT_FEED);
            case FetchResult.NotModified unchanged -> new Reading(new ParseResult.Parsed(List.of(), 0),
                    Format.INCIDENT_FEED);
            case FetchResult.Fetched document -> {
                ParseResult parsed = feeds.parse(document.body(), feed);
                if (parsed instanceof ParseResult.Unreadable) {
                    fetcher.forgetValidators(feed);
                }
                yield new Reading(parsed, Format.INCIDENT_FEED);
            }
        };
    }

    private static String notUnderstood(URI home) {
        return "The status page at " + home.getHost() + " is in a format Keyward does not read: it offers no"
                + " Statuspage-compatible JSON and announces no RSS or Atom incident feed, so its state is unknown.";
    }

    private static boolean isFeedAddress(URI configured) {
        String path = configured.getPath() == null ? "" : configured.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith(".rss") || path.endsWith(".atom") || path.endsWith(".xml");
    }

    /** The page's own address, without the API path or a JSON/feed document name. */
    static URI home(URI configured) {
        String base = stripSlash(configured.toString());
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".rss") || lower.endsWith(".atom") || lower.endsWith(".xml")) {
            base = base.substring(0, base.lastIndexOf('/'));
        }
        base = stripSlash(base);
        if (base.endsWith(API)) {
            base = base.substring(0, base.length() - API.length());
        }
        return URI.create(base);
    }

    private static String api(URI configured) {
        return stripSlash(home(configured).toString()) + API;
    }

    private static String stripSlash(String url) {
        String out = url;
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
