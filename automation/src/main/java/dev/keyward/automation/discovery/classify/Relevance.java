package dev.keyward.automation.discovery.classify;

import java.util.Objects;

/** How much a finding matters to this user, 0 to 1, with a short reason a person can read. */
public record Relevance(double score, String reason) {

    public Relevance {
        Objects.requireNonNull(reason, "reason");
        if (Double.isNaN(score) || score < 0 || score > 1) {
            throw new IllegalArgumentException("relevance score must be within 0..1");
        }
    }
}
