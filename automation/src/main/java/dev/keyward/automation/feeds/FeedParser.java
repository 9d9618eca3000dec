package dev.keyward.automation.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.keyward.automation.feeds.ParseResult.Parsed;
import dev.keyward.automation.feeds.ParseResult.Unreadable;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an RSS 2.0 or Atom changelog feed with rome into {@link SourceItem}s. Documents that declare a
 * DOCTYPE or entities are refused before parsing (XXE), and rome itself runs with DOCTYPEs disallowed.
 */
public final class FeedParser {

    /** Most entries read from one feed; feeds list the newest first. */
    public static final int MAX_ITEMS = 100;

    private static final Pattern DECLARATION = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

    /** Parses {@code xml} fetched from {@code feedUrl}; relative entry links resolve against that address. */
    public ParseResult parse(String xml, URI feedUrl) {
        if (xml == null || xml.isBlank()) {
            return new Unreadable("The changelog feed was empty; check the feed address.");
        }
        Optional<SyndFeed> read = readSafely(xml);
        if (read.isEmpty()) {
            return new Unreadable(DECLARATION.matcher(xml).find()
                    ? "The changelog feed declares a DOCTYPE or entities, which Keyward refuses to read"
                    + " to rule out XML entity attacks; check the feed address."
                    : "The changelog feed is not a readable RSS or Atom document; check the feed address.");
        }
        SyndFeed feed = read.get();
        List<SourceItem> items = new ArrayList<>();
        int skipped = 0;
        List<SyndEntry> entries = feed.getEntries() == null ? List.of() : feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            if (items.size() >= MAX_ITEMS) {
                skipped += entries.size() - i;
                break;
            }
            Optional<SourceItem> item = toItem(entries.get(i), feedUrl);
            if (item.isPresent()) {
                items.add(item.get());
            } else {
                skipped++;
            }
        }
        return new Parsed(items, skipped);
    }

    /** The feed, or empty when it declares a DOCTYPE or entities (refused before parsing) or is not RSS or Atom. */
    static Optional<SyndFeed> readSafely(String xml) {
        if (xml == null || xml.isBlank() || DECLARATION.matcher(xml).find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(readWithRome(xml));
        } catch (FeedException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Rome with DOCTYPE declarations disallowed; its builder also turns off external entities and DTD loading. */
    static SyndFeed readWithRome(String xml) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        return input.build(new StringReader(xml));
    }

    private static Optional<SourceItem> toItem(SyndEntry entry, URI feedUrl) {
        Optional<URI> link = linkOf(entry, feedUrl);
        String title = PlainText.title(entry.getTitle());
        String text = PlainText.snippet(bodyOf(entry));
        if (link.isEmpty() || (title.isEmpty() && text.isEmpty())) {
            return Optional.empty();
        }
        if (title.isEmpty()) {
            title = PlainText.of(text, PlainText.TITLE_MAX);
        }
        return Optional.of(new SourceItem(link.get().toString(), title, text, dateOf(entry), SourceKind.CHANGELOG_FEED));
    }

    static Optional<URI> linkOf(SyndEntry entry, URI feedUrl) {
        Optional<URI> link = WebAddresses.parse(entry.getLink(), feedUrl);
        if (link.isEmpty() && entry.getLinks() != null) {
            for (SyndLink candidate : entry.getLinks()) {
                link = WebAddresses.parse(candidate.getHref(), feedUrl);
                if (link.isPresent()) {
                    break;
                }
            }
        }
        // Atom ids are often the permalink; an id like urn:uuid:... is refused by WebAddresses.
        return link.isPresent() ? link : WebAddresses.parse(entry.getUri(), null);
    }

    static String bodyOf(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue();
        }
        StringBuilder joined = new StringBuilder();
        if (entry.getContents() != null) {
            for (SyndContent content : entry.getContents()) {
                if (content.getValue() != null) {
                    joined.append(content.getValue()).append('\n');
                }
            }
        }
        return joined.toString();
    }

    private static Instant dateOf(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }
}
