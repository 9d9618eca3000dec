package dev.keyward.automation.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reduces a source address to a comparison key: scheme and {@code www.} folded, default port, text-fragment
 * directives, tracking parameters ({@code utm_*} and click ids) and trailing slashes removed. Not for display.
 * An ordinary fragment is kept: one-page changelogs and status pages name each entry by its anchor
 * ({@code /changelog#entry-3}), so two anchors on one page are two pieces of news.
 */
public final class UrlNormalizer {

    private static final Set<String> CLICK_IDS = Set.of("fbclid", "gclid", "mc_cid", "mc_eid");

    private UrlNormalizer() {
    }

    public static String key(String url) {
        if (url == null) {
            return "";
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = withoutTracking(uri.getRawQuery());
            String fragment = entryAnchor(uri.getRawFragment());
            // http and https copies of a page are the same news.
            return "web://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query)
                    + (fragment.isEmpty() ? "" : "#" + fragment);
        } catch (URISyntaxException e) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
    }

    // A text fragment (#:~:text=...) only highlights words of the page; it never names an entry.
    private static String entryAnchor(String rawFragment) {
        if (rawFragment == null) {
            return "";
        }
        int directive = rawFragment.indexOf(":~:");
        return directive >= 0 ? rawFragment.substring(0, directive) : rawFragment;
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !CLICK_IDS.contains(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }
}
