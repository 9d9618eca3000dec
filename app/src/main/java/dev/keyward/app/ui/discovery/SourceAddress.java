package dev.keyward.app.ui.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A finding's source address as the page may open it: only absolute http and https addresses with a
 * host. Anything else (javascript:, file:, a relative path) is refused with a sentence that says why.
 */
sealed interface SourceAddress {

    /** An address the system browser may be asked to open. */
    record Web(URI uri) implements SourceAddress {
    }

    /** An address the page will not open, and the sentence telling the user so. */
    record Refused(String reason) implements SourceAddress {
    }

    static SourceAddress of(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Refused("This finding has no source address to open.");
        }
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return new Web(uri);
            }
        } catch (URISyntaxException e) {
            // Falls through to the refusal: a malformed address is not opened either.
        }
        return new Refused("Keyward opens only web addresses (http or https); this source's address is not one,"
                + " so it was not opened.");
    }
}
