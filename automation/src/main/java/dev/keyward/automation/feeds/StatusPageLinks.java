package dev.keyward.automation.feeds;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the incident feed a status page's HTML announces: a {@code <link rel="alternate">} of type RSS or Atom, or,
 * for pages hosted by Atlassian Statuspage or incident.io that do not announce one, the {@code history.atom} both
 * hosts publish. Only reads attributes; nothing in the page is run.
 */
public final class StatusPageLinks {

    /** Pages larger than this are not scanned further; the head, where feed links live, comes first. */
    private static final int SCAN_MAX = 512 * 1024;
    private static final Pattern LINK_TAG = Pattern.compile("<link\\b[^>]{0,2000}>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern HOSTED_BY = Pattern.compile(
            "incident\\.io|statuspage\\.io|statuspage-production|stspg", Pattern.CASE_INSENSITIVE);

    private StatusPageLinks() {
    }

    /** The incident feed {@code html} (fetched from {@code pageUrl}) points to, if it points to one. */
    public static Optional<URI> incidentFeed(String html, URI pageUrl) {
        String scanned = html.length() > SCAN_MAX ? html.substring(0, SCAN_MAX) : html;
        Matcher tags = LINK_TAG.matcher(scanned);
        Optional<URI> rss = Optional.empty();
        while (tags.find()) {
            String tag = tags.group();
            String rel = attribute(tag, "rel");
            String type = attribute(tag, "type");
            if (rel == null || type == null || !rel.toLowerCase(Locale.ROOT).contains("alternate")) {
                continue;
            }
            String kind = type.toLowerCase(Locale.ROOT);
            Optional<URI> href = WebAddresses.parse(attribute(tag, "href"), pageUrl);
            // Atom carries an <updated> time per entry, which tells a long incident's latest change; prefer it.
            if (kind.contains("atom+xml") && href.isPresent()) {
                return href;
            }
            if (kind.contains("rss+xml") && rss.isEmpty()) {
                rss = href;
            }
        }
        if (rss.isPresent()) {
            return rss;
        }
        if (HOSTED_BY.matcher(scanned).find()) {
            return WebAddresses.parse(stripSlash(pageUrl.toString()) + "/history.atom", null);
        }
        return Optional.empty();
    }

    private static String attribute(String tag, String name) {
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                return value.replace("&amp;", "&");
            }
        }
        return null;
    }

    private static String stripSlash(String url) {
        String out = url;
        int query = out.indexOf('?');
        if (query >= 0) {
            out = out.substring(0, query);
        }
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
