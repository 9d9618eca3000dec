package dev.keyward.automation.discovery;

import java.net.URI;
import java.util.Objects;

/** One request discovery will make for a provider: which channel, and the exact address. */
public record SourceRequest(SourceChannel channel, URI url) {

    public SourceRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(url, "url");
    }
}
