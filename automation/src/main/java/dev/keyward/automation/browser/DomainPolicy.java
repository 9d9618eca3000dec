package dev.keyward.automation.browser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URLs a program may open: http(s) on an allowed host or a subdomain of an allowed domain, any
 * port. IP addresses and {@code localhost} match only exactly, and only when listed.
 */
public final class DomainPolicy {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final String LOCALHOST = "localhost";

    private final List<String> allowed;

    public DomainPolicy(List<String> allowedDomains) {
        this.allowed = List.copyOf(allowedDomains);
    }

    /**
     * Whether an {@code allowed_domains} entry is well formed: a lower-case domain name with a dot, an IPv4
     * address, or {@code localhost}. No scheme, port, path or wildcard.
     */
    public static boolean isValidEntry(String entry) {
        return entry != null && (LOCALHOST.equals(entry) || IPV4.matcher(entry).matches()
                || DOMAIN.matcher(entry).matches());
    }

    public boolean allows(String url) {
        try {
            return allows(new URI(url));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public boolean allows(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return false;
        }
        // user@host URLs are a classic way to make a link read like another site; no program needs one.
        if (uri.getRawUserInfo() != null || uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        boolean hostIsAddress = IPV4.matcher(host).matches() || host.startsWith("[");
        for (String entry : allowed) {
            if (host.equals(entry)) {
                return true;
            }
            boolean entryIsName = DOMAIN.matcher(entry).matches();
            if (entryIsName && !hostIsAddress && host.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    public List<String> allowedDomains() {
        return allowed;
    }
}
