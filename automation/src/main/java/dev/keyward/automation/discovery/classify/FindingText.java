package dev.keyward.automation.discovery.classify;

import java.util.Objects;

/** The two sentences stored with a finding: what it means for the user, and what to do. */
public record FindingText(String impactSummary, String actionRecommendation) {

    public FindingText {
        Objects.requireNonNull(impactSummary, "impactSummary");
        Objects.requireNonNull(actionRecommendation, "actionRecommendation");
    }
}
