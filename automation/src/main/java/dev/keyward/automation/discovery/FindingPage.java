package dev.keyward.automation.discovery;

import java.util.List;
import java.util.Optional;

/** One page of the inbox and, when more findings match, the cursor of the next page. */
public record FindingPage(List<StoredFinding> findings, Optional<FindingCursor> next) {

    public FindingPage {
        findings = List.copyOf(findings);
        next = next == null ? Optional.empty() : next;
    }
}
