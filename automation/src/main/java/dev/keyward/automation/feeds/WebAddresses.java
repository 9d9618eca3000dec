package dev.keyward.automation.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Accepts only absolute http and https addresses from untrusted documents; everything else is refused. */
public final class WebAddresses {

    private static final int MAX_LENGTH = 2048;

    private WebAddresses() {
    }

    /** {@code raw} resolved against {@code base} (may be null), if the result is an http(s) address with a host. */
    public static Optional<URI> parse(String raw, URI base) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(trimmed);
            if (!uri.isAbsolute() && base != null) {
                uri = base.resolve(uri);
            }
            return isWeb(uri) ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True for an absolute http or https address with a host. */
    public static boolean isWeb(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }
}
