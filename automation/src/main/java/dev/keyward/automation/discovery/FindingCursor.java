package dev.keyward.automation.discovery;

import dev.keyward.automation.discovery.classify.Urgency;
import java.time.Instant;
import java.util.Objects;

/** Where an inbox page ended (most urgent first, then newest, then id): the next page starts after it. */
public record FindingCursor(Urgency urgency, Instant discoveredAt, String id) {

    public FindingCursor {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(discoveredAt, "discoveredAt");
        Objects.requireNonNull(id, "id");
    }
}
