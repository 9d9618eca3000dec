package dev.keyward.automation.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.keyward.automation.feeds.IncidentState.Impact;
import dev.keyward.automation.feeds.IncidentState.Phase;
import dev.keyward.automation.feeds.ParseResult.Parsed;
import dev.keyward.automation.feeds.ParseResult.Unreadable;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a status page's RSS or Atom incident history (Statuspage's and incident.io's {@code history.rss} /
 * {@code history.atom}) into status items. A feed has no status fields, so the phase comes from the newest update's
 * status word, which both hosts put first in each entry ("Resolved - ...", "Status: Investigating"); the severity
 * is unknown, so an unresolved entry counts as degraded service, never as an outage.
 */
public final class StatusFeedParser {

    private static final Pattern STATUS_WORD = Pattern.compile(
            "\\b(resolved|completed|postmortem|monitoring|identified|investigating|update|in progress|verifying"
                    + "|scheduled)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AFFECTED = Pattern.compile(
            "(?i)(?:this (?:incident|maintenance) affected|affected components?)\\s*:?\\s*([^.\\n]{1,400})");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:,\\s*(?:and\\s+)?|\\band\\b)\\s*");
    private static final int TEXT_MAX = 4000;

    /** Parses {@code xml} fetched from {@code feedUrl}; the items are incidents and maintenances. */
    public ParseResult parse(String xml, URI feedUrl) {
        Optional<SyndFeed> feed = FeedParser.readSafely(xml);
        if (feed.isEmpty()) {
            return new Unreadable("The status page's incident feed is not a readable RSS or Atom document.");
        }
        List<SourceItem> items = new ArrayList<>();
        int skipped = 0;
        List<SyndEntry> entries = feed.get().getEntries() == null ? List.of() : feed.get().getEntries();
        for (SyndEntry entry : entries) {
            Optional<SourceItem> item = items.size() < FeedParser.MAX_ITEMS ? toItem(entry, feedUrl) : Optional.empty();
            if (item.isPresent()) {
                items.add(item.get());
            } else {
                skipped++;
            }
        }
        return new Parsed(items, skipped);
    }

    /** True when {@code body} is an RSS or Atom document rather than HTML or JSON. */
    public static boolean looksLikeFeed(String body) {
        String head = body == null ? "" : body.stripLeading();
        head = head.substring(0, Math.min(head.length(), 600)).toLowerCase(Locale.ROOT);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf");
    }

    private static Optional<SourceItem> toItem(SyndEntry entry, URI feedUrl) {
        Optional<URI> link = FeedParser.linkOf(entry, feedUrl);
        String title = PlainText.title(entry.getTitle());
        String body = PlainText.of(FeedParser.bodyOf(entry), TEXT_MAX);
        if (link.isEmpty() || title.isEmpty()) {
            return Optional.empty();
        }
        String word = firstStatusWord(body);
        boolean maintenance = switch (word) {
            case "completed", "in progress", "verifying", "scheduled" -> true;
            default -> false;
        };
        Phase phase = switch (word) {
            case "resolved", "completed", "postmortem" -> Phase.RESOLVED;
            case "scheduled" -> Phase.SCHEDULED;
            default -> Phase.ONGOING;
        };
        Impact impact = maintenance ? Impact.MAINTENANCE : phase == Phase.RESOLVED ? Impact.NONE : Impact.MINOR;
        IncidentState state = new IncidentState(phase, impact, affected(body));
        String lead = word.isEmpty() ? "" : "Status: " + word + ". ";
        String affected = state.components().isEmpty() ? "" : "Affected: " + String.join(", ", state.components())
                + ". ";
        return Optional.of(new SourceItem(link.get().toString(), title, PlainText.snippet(lead + affected + body),
                dateOf(entry, state.unresolved()), maintenance ? SourceKind.STATUS_MAINTENANCE
                : SourceKind.STATUS_INCIDENT, state));
    }

    private static String firstStatusWord(String body) {
        Matcher m = STATUS_WORD.matcher(body);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private static List<String> affected(String body) {
        Matcher m = AFFECTED.matcher(body);
        List<String> names = new ArrayList<>();
        if (!m.find()) {
            return names;
        }
        for (String part : LIST_SEPARATOR.split(m.group(1))) {
            String name = PlainText.title(part.replaceAll("\\s*\\([^)]*\\)\\s*$", ""));
            if (!name.isEmpty() && !StatusComponents.isPlaceholder(name) && names.size() < StatusComponents.MAX_NAMED) {
                names.add(name);
            }
        }
        return names;
    }

    // An unresolved entry is news as of its latest change; Atom carries that in <updated>.
    private static Instant dateOf(SyndEntry entry, boolean unresolved) {
        Instant published = entry.getPublishedDate() == null ? null : entry.getPublishedDate().toInstant();
        Instant updated = entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant();
        if (published == null) {
            return updated;
        }
        return unresolved && updated != null && updated.isAfter(published) ? updated : published;
    }
}
