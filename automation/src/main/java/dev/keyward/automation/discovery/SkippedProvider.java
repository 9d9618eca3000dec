package dev.keyward.automation.discovery;

import java.util.Objects;

/** A provider the run did not contact, and why; no {@code discovery_search_log} row is written for it. */
public record SkippedProvider(String providerId, Reason reason, String sentence) {

    /** Why a provider was not contacted. */
    public enum Reason {
        NETWORK_OFF,
        DISCOVERY_DISABLED,
        NO_SOURCES,
        RATE_LIMITED
    }

    public SkippedProvider {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sentence, "sentence");
    }
}
