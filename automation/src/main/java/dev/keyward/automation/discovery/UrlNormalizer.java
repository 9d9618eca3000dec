package dev.keyward.automation.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reduces a source address to a comparison key: scheme and {@code www.} folded, default port, fragment,
 * tracking parameters ({@code utm_*} and click ids) and trailing slashes removed. Not for display.
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
            // http and https copies of a page are the same news.
            return "web://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            int hash = trimmed.indexOf('#');
            return (hash >= 0 ? trimmed.substring(0, hash) : trimmed).toLowerCase(Locale.ROOT);
        }
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
